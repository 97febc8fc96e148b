import { SUGGESTED_BLOCKED_VALUES } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { findBlockedMatch } from './blocked.ts';
import { checkBlockedRegex } from './regex-safety.ts';
import { compileSettings } from './settings.ts';
import { identifier } from './test-support.ts';

const settings = compileSettings({
  defaultCountry: 'US',
  identifiers: [
    identifier('user_id', 1, {
      blockedValues: [
        ...SUGGESTED_BLOCKED_VALUES,
        { value: 'Test@Example.com', match: 'exact' },
        { value: 'STRASSE', match: 'exact' },
        { value: 'ΟΔΟΣ', match: 'exact' },
        { value: '@test\\.', match: 'regex' },
      ],
    }),
  ],
});
const userId = settings.byKey.get('user_id')!;

describe('blocked values (SPEC §6)', () => {
  it.each<[string, 'exact' | 'regex' | null]>([
    ['null', 'exact'],
    ['NULL', 'exact'],
    ['Anonymous', 'exact'],
    ['-1', 'exact'],
    ['test@example.com', 'exact'],
    ['straße', 'exact'],
    ['οδοσ', 'exact'],
    ['Οδος', 'exact'],
    ['0000', 'regex'],
    ['0-0-0', 'regex'],
    ['', 'regex'],
    ['user@test.org', 'regex'],
    ['user@TEST.org', null],
    ['abc123', null],
    ['-12', null],
    ['nullable', null],
    ['100', null],
  ])('%j is blocked by %s', (value, expected) => {
    expect(findBlockedMatch(userId, value)?.match ?? null).toBe(expected);
  });
});

describe('checkBlockedRegex', () => {
  it.each(['^[0-]*$', '^(unknown|n/a|none)$', '^\\s+$', '.*@example\\.com$', '^\\+?1?0+$', 'anonymous'])(
    'accepts %j',
    (pattern) => {
      expect(checkBlockedRegex(pattern)).toEqual({ ok: true });
    },
  );

  it.each<[string, RegExp]>([
    ['(a+)+$', /catastrophically.*exponential/],
    ['(a|a)*$', /catastrophically/],
    ['^(.*,)*$', /catastrophically/],
    ['\\d+\\d+\\d+$', /catastrophically.*polynomial/],
    ['(x+x+)+y', /catastrophically/],
    ['[', /Not a valid regular expression/],
    ['a'.repeat(201), /at most 200 characters/],
  ])('refuses %j', (pattern, reason) => {
    const check = checkBlockedRegex(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});
