import { describe, expect, it } from 'vitest';
import { addFieldForIssue, addIdentifierFormSchema, suggestedBuiltInKeys } from './add-identifier-form.ts';
import {
  describeLimit,
  moveKey,
  parseSourceKeys,
  rebaseOrder,
  rulesFieldForIssue,
  rulesFormSchema,
  shortLimit,
} from './rules-form.ts';

describe('describeLimit', () => {
  it.each([
    [5, 'ever', 'At most 5 values per profile, ever.'],
    [1, 'daily', 'At most 1 value per profile, counted over the last day.'],
    [5, 'weekly', 'At most 5 values per profile, counted over the last 7 days.'],
    [Number.NaN, 'annually', 'At most N values per profile, counted over the last 365 days.'],
  ] as const)('%d %s', (count, window, text) => {
    expect(describeLimit(count, window)).toBe(text);
  });

  it('has a short form for the table', () => {
    expect(shortLimit(5, 'weekly')).toBe('5 per 7 days');
    expect(shortLimit(1, 'ever')).toBe('1, ever');
  });
});

describe('rulesFieldForIssue', () => {
  it.each([
    ['limit.count', 'limit.count'],
    ['body.limit.count', 'limit.count'],
    ['limit', 'limit.count'],
    ['blockedValues.2.value', 'blockedValues.2.value'],
    ['blockedValues.2', 'blockedValues.2.value'],
    ['blockedValues.1.match', 'blockedValues.1.match'],
    ['blockedValues.9.value', 'blockedValues'],
    ['blockedValues', 'blockedValues'],
    ['sourceKeys.3', 'sourceKeys'],
    ['displayName', null],
  ])('%s → %s', (path, field) => {
    expect(rulesFieldForIssue(path, 5)).toBe(field);
  });
});

describe('rulesFormSchema', () => {
  const values = {
    limit: { count: 5, window: 'ever' as const },
    normalization: 'trim' as const,
    blockedValues: [{ value: '-1', match: 'exact' as const }],
    sourceKeys: 'phone, phoneNumber',
  };

  it('sends source keys for custom identifiers only', () => {
    expect(rulesFormSchema('custom').parse(values).sourceKeys).toEqual(['phone', 'phoneNumber']);
    expect(rulesFormSchema('default').parse(values)).not.toHaveProperty('sourceKeys');
  });

  it('explains an empty count and a bad regex with the contract messages', () => {
    const result = rulesFormSchema('default').safeParse({
      ...values,
      limit: { count: Number.NaN, window: 'ever' },
      blockedValues: [{ value: '([', match: 'regex' }],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toContainEqual(['limit.count', 'Enter a whole number from 1 to 1000']);
    expect(issues?.find(([path]) => path === 'blockedValues.0.value')?.[1]).toMatch(/Not a valid regular expression/);
  });

  it('requires 1–10 valid source keys on a custom identifier', () => {
    expect(rulesFormSchema('custom').safeParse({ ...values, sourceKeys: ' ' }).success).toBe(false);
    const bad = rulesFormSchema('custom').safeParse({ ...values, sourceKeys: 'ok, 9bad' });
    expect(bad.error?.issues[0]?.message).toMatch(/^“9bad”/);
  });
});

describe('priority order helpers', () => {
  it('moves a key and ignores moves past the ends', () => {
    expect(moveKey(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveKey(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveKey(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('rebases a draft on deleted and added keys', () => {
    expect(rebaseOrder(['c', 'a', 'b'], ['a', 'b', 'd'])).toEqual(['a', 'b', 'd']);
    expect(rebaseOrder(['c', 'b', 'a'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'b', 'a', 'd']);
  });

  it('splits source keys on commas and spaces', () => {
    expect(parseSourceKeys(' a, b  c,,')).toEqual(['a', 'b', 'c']);
  });
});

describe('add identifier form', () => {
  const schema = addIdentifierFormSchema(['user_id', 'email']);

  it('suggests only the built-in keys the space lacks', () => {
    const suggestions = suggestedBuiltInKeys(['user_id', 'email']);
    expect(suggestions).toContain('anonymous_id');
    expect(suggestions).not.toContain('email');
  });

  it('builds the create body: custom keys carry source keys, empty fields are left out', () => {
    expect(schema.parse({ key: 'crm_id', displayName: '', position: '', sourceKeys: 'crm_id' })).toEqual({
      key: 'crm_id',
      sourceKeys: ['crm_id'],
    });
    expect(schema.parse({ key: 'group_id', displayName: ' Group ', position: '1', sourceKeys: '' })).toEqual({
      key: 'group_id',
      displayName: 'Group',
      priority: 1,
    });
  });

  it('refuses an existing key, a position past the end and a custom key without source keys', () => {
    const paths = (input: Record<string, string>) =>
      schema
        .safeParse({ key: 'x', displayName: '', position: '', sourceKeys: 'x', ...input })
        .error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ key: 'email' })).toEqual(['key']);
    expect(paths({ position: '4' })).toEqual(['position']);
    expect(paths({ sourceKeys: '' })).toEqual(['sourceKeys']);
  });

  it('maps server issues onto its fields', () => {
    expect(addFieldForIssue('priority')).toBe('position');
    expect(addFieldForIssue('sourceKeys.0')).toBe('sourceKeys');
    expect(addFieldForIssue('limit')).toBeNull();
  });
});
