import { describe, expect, it } from 'vitest';
import { renameSpaceFieldForIssue, renameSpaceFormSchema } from './rename-space-form.ts';

describe('the rename space form', () => {
  it('sends the trimmed name', () => {
    expect(renameSpaceFormSchema.parse({ name: '  EU support  ' })).toEqual({ name: 'EU support' });
    expect(renameSpaceFormSchema.parse({ name: 'a'.repeat(100) })).toEqual({ name: 'a'.repeat(100) });
  });

  it.each([
    ['', 'Enter a name'],
    ['   ', 'Enter a name'],
    ['a'.repeat(101), 'Use at most 100 characters'],
  ])('says what is wrong with %j next to the field', (name, message) => {
    const issues = renameSpaceFormSchema.safeParse({ name }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([[['name'], message]]);
  });

  it('maps the server issues to the field', () => {
    expect(renameSpaceFieldForIssue('name')).toBe('name');
    expect(renameSpaceFieldForIssue('defaultCountry')).toBeNull();
    expect(renameSpaceFieldForIssue('')).toBeNull();
  });
});
