import { describe, expect, it } from 'vitest';
import {
  matchingSpaces,
  searchAfterTyping,
  searchInField,
  spaceItems,
  spaceLabel,
  spaceMeantBy,
  spaceNamedLike,
} from './space-items.ts';

const spaces = [
  { id: 'default', name: 'Default' },
  { id: 'prod-eu', name: 'Production EU' },
  { id: 'staging', name: 'Staging' },
];

describe('spaceLabel', () => {
  it('shows the name alone when it says the id, and the id beside it otherwise', () => {
    expect(spaceLabel({ id: 'default', name: 'Default' })).toBe('Default');
    expect(spaceLabel({ id: 'prod-eu', name: 'Production EU' })).toBe('Production EU (prod-eu)');
  });
});

describe('spaceItems', () => {
  it('lists every space in order', () => {
    expect(spaceItems(spaces, 'staging').map((item) => item.label)).toEqual([
      'Default',
      'Production EU (prod-eu)',
      'Staging',
    ]);
  });

  it('shows the id of every space whose name another space shares, so that each entry says which it is', () => {
    const twins = [...spaces, { id: 'production', name: 'Production' }, { id: 'prod', name: 'PRODUCTION' }];
    expect(spaceItems(twins, 'default').map((item) => item.label)).toEqual([
      'Default',
      'Production EU (prod-eu)',
      'Staging',
      'Production (production)',
      'PRODUCTION (prod)',
    ]);
  });

  it('puts a current id that is not listed first, under its id', () => {
    expect(spaceItems(spaces, 'gone')[0]).toEqual({ id: 'gone', label: 'gone' });
    expect(spaceItems([], 'default')).toEqual([{ id: 'default', label: 'default' }]);
  });

  it('marks the current id as an id when the list could not be read, as nothing then gives its name', () => {
    expect(spaceItems([], 'prod-eu', true)).toEqual([{ id: 'prod-eu', label: 'id: prod-eu' }]);
    // A listed space keeps its name: only a failed refresh of a list already read.
    expect(spaceItems(spaces, 'prod-eu', true).map((item) => item.label)).toEqual([
      'Default',
      'Production EU (prod-eu)',
      'Staging',
    ]);
  });
});

describe('matchingSpaces', () => {
  const items = spaceItems(spaces, 'default');

  it('finds a space by part of its name or of its id, in any case', () => {
    expect(matchingSpaces(items, 'product').map((item) => item.id)).toEqual(['prod-eu']);
    expect(matchingSpaces(items, 'PROD-E').map((item) => item.id)).toEqual(['prod-eu']);
    expect(matchingSpaces(items, ' stag ').map((item) => item.id)).toEqual(['staging']);
  });

  it('lists every space for an empty search, and none when nothing matches', () => {
    expect(matchingSpaces(items, '   ')).toHaveLength(3);
    expect(matchingSpaces(items, 'qa')).toEqual([]);
  });
});

describe('searchAfterTyping', () => {
  it('reads what is typed into the current name, wherever the caret was, as the search', () => {
    expect(searchAfterTyping(null, 'Default', 'Defaultsup')).toBe('sup');
    expect(searchAfterTyping(null, 'Production (prod)', 'Production (prozzzd)')).toBe('zzz');
    expect(searchAfterTyping(null, 'Default', 'stagingDefault')).toBe('staging');
    // A letter the name repeats at the caret: still the typed letters, whichever copy they are.
    expect(searchAfterTyping(null, 'Default', 'Deffault')).toBe('f');
  });

  it('takes the field as it is once searching, or when the name itself was edited or replaced', () => {
    expect(searchAfterTyping('su', 'Default', 'sup')).toBe('sup');
    expect(searchAfterTyping(null, 'Default', 'Defaul')).toBe('Defaul');
    expect(searchAfterTyping(null, 'Default', 's')).toBe('s');
    expect(searchAfterTyping(null, undefined, 'prod')).toBe('prod');
    // A search that happens to start with the name, typed from an empty field.
    expect(searchAfterTyping('', 'Default', 'Defaults')).toBe('Defaults');
  });
});

describe('searchInField', () => {
  it('searches what the open field holds, an emptied field included', () => {
    expect(searchInField(true, 'sup', 'Default')).toBe('sup');
    expect(searchInField(true, '', 'Default')).toBe('');
    expect(searchInField(true, 'default', 'Default')).toBe('default');
  });

  it('lists every space while the list is closed or the field shows the current space', () => {
    expect(searchInField(false, 'sup', 'Default')).toBeNull();
    expect(searchInField(true, 'Default', 'Default')).toBeNull();
    expect(searchInField(false, 'Default', 'Default')).toBeNull();
  });
});

describe('spaceNamedLike', () => {
  it('finds another space of the same name, in any case, but not the space itself', () => {
    expect(spaceNamedLike(spaces, ' production eu ')?.id).toBe('prod-eu');
    expect(spaceNamedLike(spaces, 'Production EU', 'prod-eu')).toBeUndefined();
    expect(spaceNamedLike(spaces, 'Production')).toBeUndefined();
    expect(spaceNamedLike(spaces, '  ')).toBeUndefined();
  });
});

describe('spaceMeantBy', () => {
  it('finds the space an id typed in another case means', () => {
    expect(spaceMeantBy(spaces, 'Prod-EU')).toEqual({ space: spaces[1], by: 'id' });
    expect(spaceMeantBy(spaces, ' STAGING ')).toEqual({ space: spaces[2], by: 'id' });
  });

  it('finds the space whose name was typed in place of its id', () => {
    expect(spaceMeantBy(spaces, 'Production EU')).toEqual({ space: spaces[1], by: 'name' });
    expect(spaceMeantBy(spaces, 'production eu')).toEqual({ space: spaces[1], by: 'name' });
  });

  it('prefers an id to another space’s name', () => {
    const named = [...spaces, { id: 'eu', name: 'Staging' }];
    expect(spaceMeantBy(named, 'Staging')).toEqual({ space: spaces[2], by: 'id' });
  });

  it('finds nothing for an address close to no space', () => {
    expect(spaceMeantBy(spaces, 'prod')).toBeUndefined();
    expect(spaceMeantBy(spaces, '  ')).toBeUndefined();
    expect(spaceMeantBy([], 'default')).toBeUndefined();
  });
});
