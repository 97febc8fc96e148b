import { describe, expect, it } from 'vitest';
import {
  BlockedValueSchema,
  CreateIdentifierInputSchema,
  DisplayNameSchema,
  IdentifierKeySchema,
  identifierDefaults,
  regexSyntaxError,
  SUGGESTED_BLOCKED_VALUES,
  UpdateIdentifierInputSchema,
} from './identifiers.ts';

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
  it.each([
    ['', 'Enter a display name'],
    ['   ', 'Enter a display name'],
    ['x'.repeat(51), 'Use at most 50 characters'],
    ['a\u0000b', 'Remove control characters (tabs, line breaks…)'],
    ['a\u0085b', 'Remove control characters (tabs, line breaks…)'],
  ])('refuses %j with a message for the field', (name, message) => {
    const result = DisplayNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
  it('counts 50 characters after trimming', () => {
    expect(DisplayNameSchema.safeParse(` ${'x'.repeat(50)} `).success).toBe(true);
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
