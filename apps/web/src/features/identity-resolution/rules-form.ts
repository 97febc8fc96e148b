import {
  type BlockedValue,
  BlockedValueSchema,
  BlockedValuesSchema,
  foldCase,
  type Identifier,
  IdentifierLimitSchema,
  LIMIT_WINDOW_DAYS,
  type LimitWindow,
  LimitWindowSchema,
  MAX_BLOCKED_REGEX_LENGTH,
  type Normalization,
  NormalizationSchema,
  regexSyntaxError,
  SourceKeysSchema,
  type UpdateIdentifierInput,
} from '@idr/contracts';
import { z } from 'zod';
import { NORMALIZATION_LABEL } from '../../lib/labels.ts';

/** Labels of the limit windows, in the order the API lists them. */
export const WINDOW_LABEL: Record<LimitWindow, string> = {
  ever: 'Ever',
  daily: 'Daily (last 1 day)',
  weekly: 'Weekly (last 7 days)',
  monthly: 'Monthly (last 30 days)',
  annually: 'Annually (last 365 days)',
};

/**
 * A limit in plain words: "At most 5 values per profile, counted over the last 7 days." Null while
 * the count is not one the limit accepts: the field's error says what is wrong, and a sentence
 * about an impossible limit would contradict it.
 */
export function describeLimit(count: number, window: LimitWindow): string | null {
  if (!IdentifierLimitSchema.shape.count.safeParse(count).success) return null;
  const values = `${count} ${count === 1 ? 'value' : 'values'}`;
  const days = LIMIT_WINDOW_DAYS[window];
  if (days === null) return `At most ${values} per profile, ever.`;
  return `At most ${values} per profile, counted over the last ${days === 1 ? 'day' : `${days} days`}.`;
}

/** How each normalization treats a raw value (SPEC §6). */
export const NORMALIZATIONS: Record<Normalization, { label: string; explanation: string }> = {
  email: {
    label: NORMALIZATION_LABEL.email,
    explanation: 'Trims and lowercases; values that do not look like local@domain are dropped as invalid.',
  },
  phone: {
    label: NORMALIZATION_LABEL.phone,
    explanation:
      'Strips tel:, sms: or whatsapp:, reads national numbers with the space’s default country and stores E.164 (+14155550100); unparseable numbers are dropped as invalid.',
  },
  trim: {
    label: NORMALIZATION_LABEL.trim,
    explanation: 'Removes leading and trailing white space; the value is otherwise kept as is.',
  },
  none: { label: NORMALIZATION_LABEL.none, explanation: 'Keeps the value exactly as received.' },
};

/** Splits "phone, phone_number" into keys. */
export function parseSourceKeys(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

/** Checks a comma-separated list of source keys with the contract's rules; returns the first problem. */
export function sourceKeysProblem(text: string): string | null {
  const keys = parseSourceKeys(text);
  const result = SourceKeysSchema.safeParse(keys);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  const index = issue.path[0];
  return typeof index === 'number' ? `“${keys[index]}”: ${issue.message}` : issue.message;
}

export interface RulesFormValues {
  limit: { count: number; window: LimitWindow };
  normalization: Normalization;
  blockedValues: BlockedValue[];
  /** Comma-separated; custom identifiers only. */
  sourceKeys: string;
}

/** How many blocked values an identifier may have (SPEC §2). */
export const MAX_BLOCKED_VALUES = 100;

/**
 * What a blocked value blocks: exact values that differ only in case block the same values, so
 * they share a key; a regular expression is taken as written.
 */
function blockedValueKey(blocked: BlockedValue): string {
  return blocked.match === 'exact' ? `exact:${foldCase(blocked.value)}` : `regex:${blocked.value}`;
}

/**
 * One blocked value: the contract's fields and regex rules, with a regex that does not compile
 * explained in plain words (the contract quotes the engine).
 */
const BlockedValueFormSchema = z
  .object({ value: BlockedValueSchema.shape.value, match: BlockedValueSchema.shape.match })
  .superRefine((blocked, ctx) => {
    if (blocked.match !== 'regex') return;
    if (blocked.value.length > MAX_BLOCKED_REGEX_LENGTH) {
      const message = `A regular expression may have at most ${MAX_BLOCKED_REGEX_LENGTH} characters`;
      ctx.addIssue({ code: 'custom', path: ['value'], message });
      return;
    }
    const syntaxError = regexSyntaxError(blocked.value);
    if (syntaxError !== null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Not a valid regular expression: ${syntaxError}` });
    }
  });

/**
 * The blocked values: each row as above, and no row that repeats an earlier one (the server would
 * keep both, and the admin would wonder which one applies). The contract's schema then checks
 * everything else it knows.
 */
const BlockedValuesFormSchema = z
  .array(BlockedValueFormSchema)
  .superRefine((rows, ctx) => {
    const firstRowByKey = new Map<string, number>();
    rows.forEach((row, index) => {
      if (row.value === '') return;
      const key = blockedValueKey(row);
      const first = firstRowByKey.get(key);
      if (first === undefined) {
        firstRowByKey.set(key, index);
        return;
      }
      const sameText = rows[first]?.value === row.value;
      ctx.addIssue({
        code: 'custom',
        path: [index, 'value'],
        message: sameText ? `Same as row ${first + 1}` : `Same as row ${first + 1}: exact values ignore case`,
      });
    });
  })
  .pipe(BlockedValuesSchema);

/**
 * Values of every shape a blocked pattern meets (ids, emails, E.164 numbers, names, one character,
 * other scripts). A pattern that matches all of them matches any value.
 */
const SAMPLE_VALUES = [
  'a',
  'Z',
  '7',
  '_',
  'u_10042',
  'anon_7f3c2a91',
  'jane.doe@example.com',
  '+14155550100',
  'Jane Doe',
  'Zoë',
  '山田',
];

/**
 * Whether a blocked-value pattern would block every value: `.*`, `x*`, `^` or `\w?` match any
 * string, as a regex tested as written (SPEC §6) finds its match anywhere, even an empty one. Such
 * a pattern is valid, so it is saved, but it is almost never what the admin meant: every value of
 * the identifier would be dropped as blocked. `false` for a pattern that does not compile.
 */
export function patternBlocksEveryValue(pattern: string): boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    return false;
  }
  return SAMPLE_VALUES.every((value) => regex.test(value));
}

/** Source keys as typed (comma-separated), checked with the contract's rules on custom identifiers only. */
function sourceKeysFormSchema(kind: Identifier['kind']) {
  return z.string().superRefine((text, ctx) => {
    if (kind !== 'custom') return;
    const problem = sourceKeysProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * The Edit rules form: the contract's schemas, with friendlier messages for an empty count and a
 * regex that does not compile, and repeated blocked values caught.
 */
export function rulesFormSchema(kind: Identifier['kind']) {
  return z
    .object({
      limit: z.object({
        count: z.number({ error: 'Enter a whole number from 1 to 1000' }).pipe(IdentifierLimitSchema.shape.count),
        window: LimitWindowSchema,
      }),
      normalization: NormalizationSchema,
      blockedValues: BlockedValuesFormSchema,
      sourceKeys: sourceKeysFormSchema(kind),
    })
    .transform((values): UpdateIdentifierInput => {
      const rules: UpdateIdentifierInput = {
        limit: values.limit,
        normalization: values.normalization,
        blockedValues: values.blockedValues,
      };
      if (kind === 'custom') rules.sourceKeys = parseSourceKeys(values.sourceKeys);
      return rules;
    });
}

/** The suggested blocked values (SPEC §2) a list lacks, ignoring case where matching does. */
export function missingSuggestedValues(
  present: readonly BlockedValue[],
  suggested: readonly BlockedValue[],
): BlockedValue[] {
  const keys = new Set(present.map(blockedValueKey));
  return suggested.filter((entry) => !keys.has(blockedValueKey(entry))).map((entry) => ({ ...entry }));
}

export function toRulesFormValues(identifier: Identifier): RulesFormValues {
  return {
    limit: { ...identifier.limit },
    normalization: identifier.normalization,
    blockedValues: identifier.blockedValues.map((blocked) => ({ ...blocked })),
    sourceKeys: identifier.sourceKeys.join(', '),
  };
}

/** Whether two identifiers have the same rules (what the Edit rules form edits). */
export function sameRules(a: Identifier, b: Identifier): boolean {
  return JSON.stringify(toRulesFormValues(a)) === JSON.stringify(toRulesFormValues(b));
}

/**
 * The form field a server issue belongs to (`limit.count`, `blockedValues.2.value`, …), or null
 * when no field explains it. Paths may carry a `body.` prefix; a whole blocked-value entry points
 * at its value, any source key at the one source-keys field.
 */
export function rulesFieldForIssue(path: string, blockedCount: number): string | null {
  const clean = path.replace(/^body\./, '');
  if (clean === 'limit' || clean === 'limit.count') return 'limit.count';
  if (clean === 'limit.window') return 'limit.window';
  if (clean === 'normalization') return 'normalization';
  if (clean === 'sourceKeys' || /^sourceKeys\.\d+$/.test(clean)) return 'sourceKeys';
  const blocked = /^blockedValues\.(\d+)(?:\.(value|match))?$/.exec(clean);
  if (blocked) {
    const index = Number(blocked[1]);
    if (index >= blockedCount) return 'blockedValues';
    return `blockedValues.${index}.${blocked[2] ?? 'value'}`;
  }
  if (clean === 'blockedValues') return 'blockedValues';
  return null;
}

/** Moves one key up (-1) or down (+1) in a priority order; out-of-range moves change nothing. */
export function moveKey(keys: readonly string[], key: string, offset: -1 | 1): string[] {
  const index = keys.indexOf(key);
  const target = index + offset;
  if (index < 0 || target < 0 || target >= keys.length) return [...keys];
  const next = [...keys];
  next[index] = keys[target] as string;
  next[target] = key;
  return next;
}

/**
 * Brings a draft priority order up to date with the server's list: keys deleted meanwhile drop out,
 * keys added meanwhile go last (where the server put them), the user's order is kept otherwise.
 */
export function rebaseOrder(draft: readonly string[], serverKeys: readonly string[]): string[] {
  const live = new Set(serverKeys);
  const kept = draft.filter((key) => live.has(key));
  const added = serverKeys.filter((key) => !kept.includes(key));
  return [...kept, ...added];
}

/** How many moved identifiers an order change names before it says "and N more". */
const MOVES_NAMED = 5;

/**
 * What another admin did to the priority order, in words, for the conflict alert: identifiers
 * added and deleted, and those whose priority changed ("email 2 → 1"); `null` when nothing did.
 */
export function describeOrderChange(before: readonly string[], after: readonly string[]): string | null {
  const parts: string[] = [];
  const added = after.filter((key) => !before.includes(key));
  const deleted = before.filter((key) => !after.includes(key));
  if (added.length > 0) parts.push(`Added ${added.join(', ')}`);
  if (deleted.length > 0) parts.push(`Deleted ${deleted.join(', ')}`);
  const moved = after
    .filter((key) => before.includes(key) && before.indexOf(key) !== after.indexOf(key))
    .map((key) => `${key} ${before.indexOf(key) + 1} → ${after.indexOf(key) + 1}`);
  if (moved.length > 0) {
    const more = moved.length - MOVES_NAMED;
    parts.push(`Priority ${moved.slice(0, MOVES_NAMED).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}
