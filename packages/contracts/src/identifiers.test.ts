import { describe, expect, it } from 'vitest';
import {
  BlockedValueSchema,
  BUILT_IN_IDENTIFIER_KEYS,
  CreateIdentifierInputSchema,
  DisplayNameSchema,
  displayNameFormSchema,
  displayNameLengthIssue,
  IdentifierDisplayNameSchema,
  IdentifierKeySchema,
  IdentifierSchema,
  IdentifierSourceKeysSchema,
  identifierDefaults,
  ReorderIdentifiersInputSchema,
  regexSyntaxError,
  SourceKeySchema,
  SourceKeysSchema,
  SUGGESTED_BLOCKED_VALUES,
  sourceKeysIssue,
  UpdateIdentifierInputSchema,
} from './identifiers.ts';
import { SettingsIdentifierInputSchema } from './settings.ts';

/** The longest key there is: 64 characters, longer than a chosen display name may be. */
const LONG_KEY = 'k'.repeat(64);

function issuesOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('IdentifierKeySchema', () => {
  it.each(['user_id', 'email', 'ios.push_token', 'a', `a${'b'.repeat(63)}`, 'crm.id_2'])('accepts %s', (key) => {
    expect(IdentifierKeySchema.safeParse(key).success).toBe(true);
  });
  it.each(['', 'Email', '1abc', '_x', 'a-b', 'a b', `a${'b'.repeat(64)}`, 'priority', 'é'])('refuses %j', (key) => {
    expect(IdentifierKeySchema.safeParse(key).success).toBe(false);
  });
});

describe('DisplayNameSchema', () => {
  it('trims and keeps inner spaces', () => {
    expect(DisplayNameSchema.parse('  Email  address ')).toBe('Email  address');
  });
  it('counts characters as a reader does: an emoji or an accented letter is one', () => {
    expect(DisplayNameSchema.safeParse('😀'.repeat(50)).success).toBe(true);
    expect(DisplayNameSchema.safeParse('e\u0301'.repeat(50)).success).toBe(true);
    expect(DisplayNameSchema.safeParse('😀'.repeat(51)).error?.issues[0]?.message).toBe('Use at most 50 characters');
    // A letter may carry marks, but not without end.
    expect(DisplayNameSchema.safeParse(`a${'\u0301'.repeat(300)}`).success).toBe(false);
  });

  it('keeps the joiners that emoji sequences and some scripts need', () => {
    expect(DisplayNameSchema.parse('Family 👨\u200d👩\u200d👧')).toBe('Family 👨\u200d👩\u200d👧');
    expect(DisplayNameSchema.parse('می\u200cخواهم')).toBe('می\u200cخواهم');
  });
  it.each([
    ['', 'Enter a display name'],
    ['   ', 'Enter a display name'],
    ['x'.repeat(51), 'Use at most 50 characters'],
    ['a\u0000b', 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)'],
    ['a\u0085b', 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)'],
    ['Customer ID\u200b', 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)'],
    ['a\u202eb', 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)'],
    ['Em\ufeffail', 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)'],
  ])('refuses %j with a message for the field', (name, message) => {
    const result = DisplayNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
  it('counts 50 characters after trimming', () => {
    expect(DisplayNameSchema.safeParse(` ${'x'.repeat(50)} `).success).toBe(true);
  });
});

describe('display names of long keys', () => {
  it('lets the key itself be the display name whatever its length (it is the default)', () => {
    expect(displayNameLengthIssue(LONG_KEY, LONG_KEY)).toBeNull();
    expect(displayNameLengthIssue(LONG_KEY, 'x'.repeat(50))).toBeNull();
    expect(displayNameLengthIssue(LONG_KEY, 'x'.repeat(51))).toBe('Use at most 50 characters');
    expect(displayNameLengthIssue(LONG_KEY, `${LONG_KEY.slice(1)}K`)).toBe('Use at most 50 characters');
  });

  it('passes up to 64 characters where the key is known, and refuses longer with the 50 message', () => {
    expect(IdentifierDisplayNameSchema.parse(` ${LONG_KEY} `)).toBe(LONG_KEY);
    expect(IdentifierDisplayNameSchema.safeParse('x'.repeat(65)).error?.issues[0]?.message).toBe(
      'Use at most 50 characters',
    );
  });

  it('takes the key as the display name on create, and nothing else over 50', () => {
    expect(CreateIdentifierInputSchema.safeParse({ key: LONG_KEY, displayName: LONG_KEY }).success).toBe(true);
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: LONG_KEY, displayName: 'x'.repeat(51) }))).toEqual([
      { path: 'displayName', message: 'Use at most 50 characters' },
    ]);
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: 'crm_id', displayName: 'x'.repeat(51) }))).toEqual([
      { path: 'displayName', message: 'Use at most 50 characters' },
    ]);
    // Over 64, where the field refuses it on its own: said once, not once more for the key.
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: 'crm_id', displayName: 'x'.repeat(80) }))).toEqual([
      { path: 'displayName', message: 'Use at most 50 characters' },
    ]);
    expect(issuesOf(SettingsIdentifierInputSchema.safeParse({ key: 'phone', displayName: 'x'.repeat(80) }))).toEqual([
      { path: 'displayName', message: 'Use at most 50 characters' },
    ]);
  });

  it('reads back the defaults of a 64-character key as a valid identifier', () => {
    const identifier = { ...identifierDefaults(LONG_KEY), priority: 1 };
    expect(identifier.displayName).toBe(LONG_KEY);
    expect(IdentifierSchema.safeParse(identifier).success).toBe(true);
    expect(issuesOf(IdentifierSchema.safeParse({ ...identifier, displayName: 'x'.repeat(60) }))).toEqual([
      { path: 'displayName', message: 'Use at most 50 characters' },
    ]);
  });

  it('lets the console form keep the key as the name and refuses other long names', () => {
    const form = displayNameFormSchema(LONG_KEY);
    expect(form.parse({ displayName: LONG_KEY })).toEqual({ displayName: LONG_KEY });
    expect(form.safeParse({ displayName: 'x'.repeat(51) }).error?.issues[0]?.message).toBe('Use at most 50 characters');
    expect(displayNameFormSchema('email').safeParse({ displayName: 'x'.repeat(51) }).success).toBe(false);
  });
});

describe('SourceKeySchema', () => {
  it.each(['phone', 'phoneNumber', 'phone_number', '_id', 'crm.id', 'loyalty-number', 'ios.push_token', LONG_KEY])(
    'accepts %s',
    (key) => {
      expect(SourceKeySchema.safeParse(key).success).toBe(true);
    },
  );
  it.each(['', '1abc', '.id', '-id', 'a b', 'a/b', `a${'b'.repeat(64)}`, 'é'])('refuses %j', (key) => {
    expect(SourceKeySchema.safeParse(key).success).toBe(false);
  });
  it('accepts every identifier key, so that the default source keys of a custom identifier are valid', () => {
    for (const key of ['crm.id', 'crm.id_2', 'a', LONG_KEY, 'a.b.c', 'x..y', 'z.', ...BUILT_IN_IDENTIFIER_KEYS]) {
      expect(IdentifierKeySchema.safeParse(key).success).toBe(true);
      expect(SourceKeysSchema.safeParse([key]).success).toBe(true);
    }
    expect(SourceKeysSchema.safeParse(identifierDefaults('crm.id').sourceKeys).success).toBe(true);
  });
});

describe('source keys by kind', () => {
  it('are none on a built-in identifier and 1–10 on a custom one', () => {
    expect(sourceKeysIssue('default', [])).toBeNull();
    expect(sourceKeysIssue('default', ['x'])).toMatch(/^Source keys are for custom identifiers/);
    expect(sourceKeysIssue('custom', [])).toBe('Add at least one source key');
    expect(sourceKeysIssue('custom', ['x'])).toBeNull();
  });

  it('refuse "__proto__", a trait name no event can carry, in forms and in requests alike', () => {
    expect(sourceKeysIssue('custom', ['crm', '__proto__'])).toMatch(/^"__proto__" cannot be a source key/);
    expect(SourceKeysSchema.safeParse(['__proto__']).error?.issues[0]?.message).toMatch(
      /^JavaScript reserves this name/,
    );
    // Other names Object.prototype has are read as own keys only, so they work as any other.
    expect(sourceKeysIssue('custom', ['constructor', 'proto', '_proto_'])).toBeNull();
  });

  it('lets a built-in identifier be created with an empty list, as GET shows it', () => {
    expect(CreateIdentifierInputSchema.safeParse({ key: 'user_id', sourceKeys: [] }).success).toBe(true);
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: 'user_id', sourceKeys: ['uid'] }))).toEqual([
      { path: 'sourceKeys', message: expect.stringMatching(/^Source keys are for custom identifiers/) },
    ]);
  });

  it('still needs 1–10 on a custom identifier', () => {
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: 'crm_id', sourceKeys: [] }))).toEqual([
      { path: 'sourceKeys', message: 'Add at least one source key' },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `k${i}`);
    expect(issuesOf(CreateIdentifierInputSchema.safeParse({ key: 'crm_id', sourceKeys: eleven }))).toEqual([
      { path: 'sourceKeys', message: 'Use at most 10 source keys' },
    ]);
    expect(CreateIdentifierInputSchema.safeParse({ key: 'crm.id', sourceKeys: ['crm.id', 'crm-id'] }).success).toBe(
      true,
    );
  });

  it('leaves the check to the server on PATCH, where the key is in the path', () => {
    expect(UpdateIdentifierInputSchema.safeParse({ sourceKeys: [] }).success).toBe(true);
    expect(UpdateIdentifierInputSchema.safeParse({ displayName: LONG_KEY }).success).toBe(true);
    expect(UpdateIdentifierInputSchema.safeParse({ displayName: `${LONG_KEY}k` }).success).toBe(false);
  });
});

describe('ReorderIdentifiersInputSchema', () => {
  it('accepts an empty list (a space without identifiers) and refuses repeated keys', () => {
    expect(ReorderIdentifiersInputSchema.parse({ keys: [] })).toEqual({ keys: [] });
    expect(ReorderIdentifiersInputSchema.safeParse({ keys: ['email', 'email'] }).success).toBe(false);
  });
});

describe('BlockedValueSchema', () => {
  it('accepts the suggested blocked values', () => {
    for (const blocked of SUGGESTED_BLOCKED_VALUES) expect(BlockedValueSchema.safeParse(blocked).success).toBe(true);
  });
  it('refuses a regex that does not compile or is longer than 200 characters, on the value', () => {
    for (const value of ['(', '[z-a]', `^${'a'.repeat(200)}`]) {
      const result = BlockedValueSchema.safeParse({ value, match: 'regex' });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['value']);
    }
  });
  it('accepts any text as an exact value, even one that is not a regex', () => {
    expect(BlockedValueSchema.safeParse({ value: '(', match: 'exact' }).success).toBe(true);
  });
});

describe('identifier inputs', () => {
  it('needs only a key to create', () => {
    expect(CreateIdentifierInputSchema.parse({ key: 'crm_id' })).toEqual({ key: 'crm_id' });
  });
  it('refuses unknown fields, and priority on PATCH (it changes through the priority route)', () => {
    expect(CreateIdentifierInputSchema.safeParse({ key: 'x', colour: 'red' }).success).toBe(false);
    expect(UpdateIdentifierInputSchema.safeParse({ priority: 1 }).success).toBe(false);
  });
  it('takes null as a display-name reset', () => {
    expect(UpdateIdentifierInputSchema.parse({ displayName: null })).toEqual({ displayName: null });
  });
});

describe('identifierDefaults', () => {
  it.each([
    ['user_id', 'default', 1, 'trim', []],
    ['email', 'default', 5, 'email', []],
    ['phone', 'custom', 5, 'phone', ['phone']],
    ['anonymous_id', 'default', 5, 'trim', []],
    ['loyalty_number', 'custom', 5, 'trim', ['loyalty_number']],
  ])('gives %s the defaults of SPEC §2', (key, kind, count, normalization, sourceKeys) => {
    expect(identifierDefaults(key)).toEqual({
      key,
      kind,
      displayName: key,
      limit: { count, window: 'ever' },
      normalization,
      blockedValues: SUGGESTED_BLOCKED_VALUES,
      sourceKeys,
    });
  });
});

describe('regexSyntaxError', () => {
  it.each([
    ['^ok$', null],
    ['[', 'Unterminated character class'],
    ['a**', 'Nothing to repeat'],
    ['x/: y(', 'Unterminated group'],
  ])('%j → %j', (pattern, reason) => {
    expect(regexSyntaxError(pattern)).toBe(reason);
  });
});

describe('IdentifierSourceKeysSchema', () => {
  it('keeps a source key listed twice once, in the order first given', () => {
    expect(IdentifierSourceKeysSchema.parse(['phone', 'mobile', 'phone'])).toEqual(['phone', 'mobile']);
  });
});
