import { describe, expect, it } from 'vitest';
import { matchingSpaces, spaceItems, spaceLabel } from './space-items.ts';

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

  it('puts a current id that is not listed first, under its id', () => {
    expect(spaceItems(spaces, 'gone')[0]).toEqual({ id: 'gone', label: 'gone' });
    expect(spaceItems([], 'default')).toEqual([{ id: 'default', label: 'default' }]);
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
