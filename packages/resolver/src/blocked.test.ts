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

describe('an exact blocked value written in another form than the normalized one', () => {
  it('blocks its normalized form: a national phone number, an email with capitals and spaces', () => {
    const compiled = compileSettings({
      defaultCountry: 'US',
      identifiers: [
        identifier('phone', 1, {
          kind: 'custom',
          sourceKeys: ['phone'],
          normalization: 'phone',
          blockedValues: [{ value: '(415) 555-0100', match: 'exact' }],
        }),
        identifier('email', 2, { blockedValues: [{ value: ' Test@Example.COM ', match: 'exact' }] }),
      ],
    });
    expect(findBlockedMatch(compiled.byKey.get('phone')!, '+14155550100')?.match).toBe('exact');
    expect(findBlockedMatch(compiled.byKey.get('phone')!, '+14155550101')).toBeNull();
    expect(findBlockedMatch(compiled.byKey.get('email')!, 'test@example.com')?.match).toBe('exact');
  });
});

describe('checkBlockedRegex', () => {
  it.each([
    '^[0-]*$',
    '^(unknown|n/a|none)$',
    '^\\s+$',
    '.*@example\\.com$',
    '^\\+?1?0+$',
    'anonymous',
    '^([a-z0-9]+\\.)*[a-z0-9]+$',
    '^(?:0+|1+)$',
    '^anon-.*',
  ])('accepts %j', (pattern) => {
    expect(checkBlockedRegex(pattern)).toEqual({ ok: true });
  });

  it.each<[string, RegExp]>([
    ['(a+)+$', /^This pattern can make matching extremely slow \(catastrophic backtracking\)\. Avoid a repeated group/],
    ['(a|a)*$', /catastrophic backtracking/],
    ['^(.*,)*$', /catastrophic backtracking/],
    ['\\d+\\d+\\d+$', /catastrophic backtracking\)\. Avoid repeats that can match the same characters in several ways/],
    ['(x+x+)+y', /catastrophic backtracking/],
    // OWASP's "evil regex" examples, word for word: harmless under `test` as written (a match
    // succeeds at once), they run away as soon as anything must match after them.
    ['(a+)+', /catastrophic backtracking\)\. Avoid a repeated group/],
    ['([a-zA-Z]+)*', /catastrophic backtracking\)\. Avoid a repeated group/],
    ['(a|aa)+', /catastrophic backtracking\)\. Avoid a repeated group/],
    ['(a|a?)+', /catastrophic backtracking\)\. Avoid a repeated group/],
    ['(.*a){11}', /catastrophic backtracking\)\. Avoid repeats that can match/],
    ['^(\\w+)+', /catastrophic backtracking/],
    ['\\d+\\d+', /catastrophic backtracking/],
    ['a'.repeat(201), /at most 200 characters/],
    // recheck calls these quadratic; they take seconds on a 255-character value, and V8's
    // linear-time engine cannot run them (too large a counted repeat). On a loaded machine recheck
    // may run out of its 2 s first: refused all the same, as not confirmed safe in time, so either
    // reason may come back (CI saw the second one for `(.*a){20}` while browsers ran beside it).
    ['(.*a){20}', /catastrophic backtracking(\)\. Avoid repeats that can match|\. Simplify it)/],
    ['(.*a){22}', /catastrophic backtracking/],
    // recheck cannot read a repeat count over 2^31; V8's linear-time engine cannot run it either.
    ['a{99999999999}', /^Could not check this pattern for catastrophic backtracking/],
    ['x{2147483648,2147483649}', /^Could not check this pattern/],
  ])('refuses %j', (pattern, reason) => {
    const check = checkBlockedRegex(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it.each(['^\\S+@\\S+$', '^.+@.+\\.test$', 'test.*user'])(
    'accepts %j, which recheck calls quadratic and V8 can run in linear time',
    (pattern) => {
      expect(checkBlockedRegex(pattern)).toEqual({ ok: true });
    },
  );

  it("explains a catastrophic pattern in plain words, without the checker's attack string", () => {
    expect(checkBlockedRegex('(a+)+$')).toEqual({
      ok: false,
      reason:
        'This pattern can make matching extremely slow (catastrophic backtracking). Avoid a repeated group that itself repeats, such as (a+)+, or whose alternatives overlap, such as (a|a)*.',
    });
  });

  it.each([
    ['[', 'Not a valid regular expression: Unterminated character class'],
    ['([a-z', 'Not a valid regular expression: Unterminated character class'],
    ['a**', 'Not a valid regular expression: Nothing to repeat'],
    // A pattern that contains the engine's separator itself is still cut at the right place.
    ['x/: y(', 'Not a valid regular expression: Unterminated group'],
  ])('gives the reason %j does not compile without repeating it', (pattern, reason) => {
    expect(checkBlockedRegex(pattern)).toEqual({ ok: false, reason });
  });
});

describe('a blocked-value pattern at run time', () => {
  it('never runs away, even one that bypassed the save-time check (a stored pattern from an older release)', () => {
    // Exponential in V8's backtracking engine (2^40 paths on this value): without the linear-time
    // fallback of regex-engine.ts this test would not finish.
    const runaway = compileSettings({
      defaultCountry: 'US',
      identifiers: [identifier('user_id', 1, { blockedValues: [{ value: '^(\\w+\\s?)*$', match: 'regex' }] })],
    }).byKey.get('user_id')!;
    expect(findBlockedMatch(runaway, `${'a'.repeat(40)}!`)).toBeNull();
    expect(findBlockedMatch(runaway, 'plain words')?.match).toBe('regex');
  });
});
