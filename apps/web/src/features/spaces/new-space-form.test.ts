import { describe, expect, it } from 'vitest';
import { newSpaceFieldForIssue, newSpaceFormSchema, spaceIdFromName } from './new-space-form.ts';

describe('the new space form', () => {
  it.each([
    ['Staging', 'staging'],
    ['EU Support – Zürich', 'eu-support-zurich'],
    ['  Prod (2026)!  ', 'prod-2026'],
    ['---', ''],
    ['日本', ''],
    ['a'.repeat(80), 'a'.repeat(63)],
    [`${'a'.repeat(62)} b`, 'a'.repeat(62)],
  ])('suggests an id for %j: %j', (name, id) => {
    expect(spaceIdFromName(name)).toBe(id);
  });

  it('turns the fields into the request of POST /spaces', () => {
    const schema = newSpaceFormSchema(['default']);
    const base = { name: ' Staging ', id: 'staging', defaultCountry: 'GB' };
    expect(schema.parse({ ...base, startFrom: 'preset:contact-center' })).toEqual({
      id: 'staging',
      name: 'Staging',
      defaultCountry: 'GB',
      preset: 'contact-center',
    });
    expect(schema.parse({ ...base, startFrom: 'preset:empty' })).toMatchObject({ preset: 'empty' });
    expect(schema.parse({ ...base, startFrom: 'copy:default' })).toEqual({
      id: 'staging',
      name: 'Staging',
      defaultCountry: 'GB',
      copyFrom: 'default',
    });
  });

  it('says what is wrong next to each field', () => {
    const result = newSpaceFormSchema(['default']).safeParse({
      name: '  ',
      id: 'default',
      startFrom: 'preset:empty',
      defaultCountry: 'ZZ',
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      name: 'Enter a name',
      id: 'A space with this ID already exists',
      defaultCountry: 'This is not an ISO 3166 country code; use one such as US, GB or DE',
    });
    expect(
      newSpaceFormSchema([]).safeParse({ name: 'x', id: 'Bad id', startFrom: 'preset:empty', defaultCountry: 'US' })
        .error?.issues[0]?.path,
    ).toEqual(['id']);
    // An empty ID asks for one, as an empty name does, rather than quoting the ID rules.
    const empty = newSpaceFormSchema([]).safeParse({
      name: 'x',
      id: '',
      startFrom: 'preset:empty',
      defaultCountry: 'US',
    });
    expect(empty.error?.issues.map((issue) => issue.message)).toEqual(['Enter an ID']);
  });

  it('maps the server issues to the fields', () => {
    expect(newSpaceFieldForIssue('copyFrom')).toBe('startFrom');
    expect(newSpaceFieldForIssue('id')).toBe('id');
    expect(newSpaceFieldForIssue('defaultCountry')).toBe('defaultCountry');
    expect(newSpaceFieldForIssue('')).toBeNull();
  });
});
