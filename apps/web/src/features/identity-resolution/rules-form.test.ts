import { describe, expect, it } from 'vitest';
import { shortLimit } from '../../lib/labels.ts';
import {
  addFieldForIssue,
  addIdentifierFormSchema,
  suggestedBuiltInKeys,
  suggestedNormalization,
} from './add-identifier-form.ts';
import {
  describeLimit,
  describeOrderChange,
  missingSuggestedValues,
  moveKey,
  parseSourceKeys,
  patternBlocksEveryValue,
  rebaseOrder,
  rulesFieldForIssue,
  rulesFormSchema,
  sourceKeysProblem,
} from './rules-form.ts';

describe('describeLimit', () => {
  it.each([
    [5, 'ever', 'At most 5 values per profile, ever.'],
    [1, 'daily', 'At most 1 value per profile, counted over the last day.'],
    [5, 'weekly', 'At most 5 values per profile, counted over the last 7 days.'],
    [1000, 'annually', 'At most 1000 values per profile, counted over the last 365 days.'],
  ] as const)('%d %s', (count, window, text) => {
    expect(describeLimit(count, window)).toBe(text);
  });

  // The field's error explains these; a sentence about the limit would contradict it.
  it.each([Number.NaN, 0, 1001, 2.5, -3])('says nothing while the count is %d', (count) => {
    expect(describeLimit(count, 'ever')).toBeNull();
  });

  // One pattern in the Limit column, the count then its window: no "1 (ever)" next to "5 per 7 days".
  it.each([
    [1, 'ever', '1 ever'],
    [5, 'daily', '5 per day'],
    [5, 'weekly', '5 per 7 days'],
    [20, 'annually', '20 per 365 days'],
  ] as const)('has a short form for the table: %d %s', (count, window, text) => {
    expect(shortLimit(count, window)).toBe(text);
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

  it('says beside the field that "__proto__" cannot be a source key, naming it once', () => {
    expect(sourceKeysProblem('crm, __proto__')).toBe(
      '“__proto__”: JavaScript reserves this name, so no event can carry a trait by it',
    );
    expect(sourceKeysProblem('crm, constructor')).toBeNull();
  });

  /** [path, message] of each issue the form schema finds. */
  function issuesOf(input: unknown, kind: 'default' | 'custom' = 'default') {
    return rulesFormSchema(kind)
      .safeParse(input)
      .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
  }

  it('explains an empty count, and a regex that does not compile without repeating it', () => {
    const issues = issuesOf({
      ...values,
      limit: { count: Number.NaN, window: 'ever' },
      blockedValues: [{ value: '([a-z', match: 'regex' }],
    });
    expect(issues).toContainEqual(['limit.count', 'Enter a whole number from 1 to 1000']);
    expect(issues).toContainEqual([
      'blockedValues.0.value',
      'Not a valid regular expression: Unterminated character class',
    ]);
  });

  it('keeps the contract rules of a blocked value', () => {
    expect(
      issuesOf({
        ...values,
        blockedValues: [
          { value: '', match: 'exact' },
          { value: 'x'.repeat(201), match: 'regex' },
        ],
      }),
    ).toEqual([
      ['blockedValues.0.value', 'Enter a value'],
      ['blockedValues.1.value', 'A regular expression may have at most 200 characters'],
    ]);
  });

  it('refuses an exact blocked value that repeats an earlier one ignoring case, on the repeat', () => {
    const issues = issuesOf({
      ...values,
      blockedValues: [
        { value: 'null', match: 'exact' },
        { value: '-1', match: 'exact' },
        { value: 'NULL', match: 'exact' },
        { value: '-1', match: 'exact' },
        // Folded like the resolver folds: upper- then lower-cased.
        { value: 'STRASSE', match: 'exact' },
        { value: 'straße', match: 'exact' },
      ],
    });
    expect(issues).toEqual([
      ['blockedValues.2.value', 'Same as row 1: exact values ignore case'],
      ['blockedValues.3.value', 'Same as row 2'],
      ['blockedValues.5.value', 'Same as row 5: exact values ignore case'],
    ]);
  });

  it('tells regular expressions apart by case and from exact values', () => {
    const blockedValues = [
      { value: 'null', match: 'exact' },
      { value: 'null', match: 'regex' },
      { value: '^A$', match: 'regex' },
      { value: '^a$', match: 'regex' },
    ];
    expect(rulesFormSchema('default').safeParse({ ...values, blockedValues }).success).toBe(true);
    expect(issuesOf({ ...values, blockedValues: [...blockedValues, { value: '^a$', match: 'regex' }] })).toEqual([
      ['blockedValues.4.value', 'Same as row 4'],
    ]);
  });

  it('reports repeats alongside other row errors, and leaves empty rows to their own error', () => {
    const issues = issuesOf({
      ...values,
      blockedValues: [
        { value: '', match: 'exact' },
        { value: '', match: 'exact' },
        { value: 'x', match: 'exact' },
        { value: 'X', match: 'exact' },
      ],
    });
    expect(issues).toEqual([
      ['blockedValues.0.value', 'Enter a value'],
      ['blockedValues.1.value', 'Enter a value'],
      ['blockedValues.3.value', 'Same as row 3: exact values ignore case'],
    ]);
  });

  it('requires 1–10 valid source keys on a custom identifier', () => {
    expect(rulesFormSchema('custom').safeParse({ ...values, sourceKeys: ' ' }).success).toBe(false);
    const bad = rulesFormSchema('custom').safeParse({ ...values, sourceKeys: 'ok, 9bad' });
    expect(bad.error?.issues[0]?.message).toMatch(/^“9bad”/);
    expect(rulesFormSchema('default').safeParse({ ...values, sourceKeys: '' }).success).toBe(true);
  });

  it('checks the source keys even while the count is empty', () => {
    const issues = issuesOf({ ...values, limit: { count: Number.NaN, window: 'ever' }, sourceKeys: '' }, 'custom');
    expect(issues?.map(([path]) => path)).toEqual(['limit.count', 'sourceKeys']);
  });
});

describe('missingSuggestedValues', () => {
  const suggested = [
    { value: '^[0-]*$', match: 'regex' as const },
    { value: '-1', match: 'exact' as const },
    { value: 'null', match: 'exact' as const },
  ];

  it('leaves out the ones present, ignoring case where exact matching does', () => {
    expect(missingSuggestedValues([{ value: 'NULL', match: 'exact' }], suggested)).toEqual([
      { value: '^[0-]*$', match: 'regex' },
      { value: '-1', match: 'exact' },
    ]);
  });

  it('does not count a regex as the exact value of the same text', () => {
    expect(missingSuggestedValues([{ value: '-1', match: 'regex' }], suggested)).toHaveLength(3);
    expect(missingSuggestedValues(suggested, suggested)).toEqual([]);
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

  it('builds the create body: custom keys carry source keys, the chosen normalization, empty fields are left out', () => {
    expect(
      schema.parse({ key: 'crm_id', displayName: '', position: '', sourceKeys: 'crm_id', normalization: 'trim' }),
    ).toEqual({ key: 'crm_id', normalization: 'trim', sourceKeys: ['crm_id'] });
    expect(
      schema.parse({ key: 'mobile', displayName: '', position: '', sourceKeys: 'mobile', normalization: 'phone' }),
    ).toEqual({ key: 'mobile', normalization: 'phone', sourceKeys: ['mobile'] });
    expect(
      schema.parse({ key: 'group_id', displayName: ' Group ', position: '1', sourceKeys: '', normalization: 'none' }),
    ).toEqual({ key: 'group_id', displayName: 'Group', priority: 1, normalization: 'none' });
  });

  it('refuses an existing key, a position past the end and a custom key without source keys', () => {
    const paths = (input: Record<string, string>) =>
      schema
        .safeParse({ key: 'x', displayName: '', position: '', sourceKeys: 'x', normalization: 'trim', ...input })
        .error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ key: 'email' })).toEqual(['key']);
    expect(paths({ position: '4' })).toEqual(['position']);
    expect(paths({ sourceKeys: '' })).toEqual(['sourceKeys']);
  });

  it('takes the key itself as display name past 50 characters, and any dotted or dashed source key', () => {
    const key = 'k'.repeat(64);
    const values = { key, displayName: key, position: '', sourceKeys: 'crm.id, loyalty-number', normalization: 'trim' };
    expect(schema.parse(values)).toEqual({
      key,
      displayName: key,
      normalization: 'trim',
      sourceKeys: ['crm.id', 'loyalty-number'],
    });
    const other = schema.safeParse({ ...values, displayName: 'x'.repeat(51) });
    expect(other.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['displayName', 'Use at most 50 characters'],
    ]);
  });

  it('suggests the normalization a key names: built-in defaults, phone and email words in custom keys, else trim', () => {
    expect(suggestedNormalization('email')).toBe('email');
    expect(suggestedNormalization('phone')).toBe('phone');
    expect(suggestedNormalization('user_id')).toBe('trim');
    expect(suggestedNormalization('mobile_phone')).toBe('phone');
    expect(suggestedNormalization('work.tel')).toBe('phone');
    expect(suggestedNormalization('phone2')).toBe('phone');
    expect(suggestedNormalization('work_email')).toBe('email');
    expect(suggestedNormalization('loyalty_id')).toBe('trim');
    // Whole words only: "telemetry" is no phone number, "mailbox_id" no email address.
    expect(suggestedNormalization('telemetry_id')).toBe('trim');
    expect(suggestedNormalization('mailbox_id')).toBe('trim');
  });

  it('maps server issues onto its fields', () => {
    expect(addFieldForIssue('priority')).toBe('position');
    expect(addFieldForIssue('sourceKeys.0')).toBe('sourceKeys');
    expect(addFieldForIssue('normalization')).toBe('normalization');
    expect(addFieldForIssue('limit')).toBeNull();
  });
});

describe('describeOrderChange', () => {
  it('names the identifiers added, deleted and moved, and is null for the same order', () => {
    expect(describeOrderChange(['a', 'b', 'c'], ['a', 'b', 'c'])).toBeNull();
    expect(describeOrderChange(['a', 'b', 'c'], ['b', 'a', 'c'])).toBe('Priority b 2 → 1, a 1 → 2');
    expect(describeOrderChange(['a', 'b', 'c'], ['a', 'c', 'd'])).toBe('Added d; Deleted b; Priority c 3 → 2');
  });

  it('names five moves at most', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(describeOrderChange(before, [...before].reverse())).toBe(
      'Priority g 7 → 1, f 6 → 2, e 5 → 3, c 3 → 5, b 2 → 6 and 1 more',
    );
  });
});

describe('patternBlocksEveryValue', () => {
  it.each(['.*', '', 'x*', '^', '\\w?', '(?:)', '.?', '[^]*', '$'])(
    'warns about %j, which matches any value',
    (pattern) => {
      expect(patternBlocksEveryValue(pattern)).toBe(true);
    },
  );

  it.each(['^[0-]*$', '^(unknown|n/a|none)$', '.*@example\\.com$', '^\\+1555', '.+@.+', '\\w', '^$', '['])(
    'does not warn about %j',
    (pattern) => {
      expect(patternBlocksEveryValue(pattern)).toBe(false);
    },
  );
});
