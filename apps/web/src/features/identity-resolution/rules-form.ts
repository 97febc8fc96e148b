import {
  type BlockedValue,
  BlockedValuesSchema,
  type Identifier,
  IdentifierLimitSchema,
  LIMIT_WINDOW_DAYS,
  type LimitWindow,
  LimitWindowSchema,
  type Normalization,
  NormalizationSchema,
  SourceKeysSchema,
  type UpdateIdentifierInput,
} from '@idr/contracts';
import { z } from 'zod';

/** Labels of the limit windows, in the order the API lists them. */
export const WINDOW_LABEL: Record<LimitWindow, string> = {
  ever: 'Ever',
  daily: 'Daily (last 1 day)',
  weekly: 'Weekly (last 7 days)',
  monthly: 'Monthly (last 30 days)',
  annually: 'Annually (last 365 days)',
};

/** A limit in plain words: "At most 5 values per profile, counted over the last 7 days." */
export function describeLimit(count: number, window: LimitWindow): string {
  const values = Number.isInteger(count) && count > 0 ? `${count} ${count === 1 ? 'value' : 'values'}` : 'N values';
  const days = LIMIT_WINDOW_DAYS[window];
  if (days === null) return `At most ${values} per profile, ever.`;
  return `At most ${values} per profile, counted over the last ${days === 1 ? 'day' : `${days} days`}.`;
}

/** A limit in a table cell: "5, ever" or "5 per 7 days". */
export function shortLimit(count: number, window: LimitWindow): string {
  const days = LIMIT_WINDOW_DAYS[window];
  if (days === null) return `${count}, ever`;
  return `${count} per ${days === 1 ? 'day' : `${days} days`}`;
}

/** How each normalization treats a raw value (SPEC §6). */
export const NORMALIZATIONS: Record<Normalization, { label: string; explanation: string }> = {
  email: {
    label: 'Email',
    explanation: 'Trims and lowercases; values that do not look like local@domain are dropped as invalid.',
  },
  phone: {
    label: 'Phone number',
    explanation:
      'Strips tel:, sms: or whatsapp:, reads national numbers with the space’s default country and stores E.164 (+14155550100); unparseable numbers are dropped as invalid.',
  },
  trim: { label: 'Trim', explanation: 'Removes leading and trailing white space; the value is otherwise kept as is.' },
  none: { label: 'None', explanation: 'Keeps the value exactly as received.' },
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

/** The Edit rules form: the contract's schemas, with a friendlier message for an empty count. */
export function rulesFormSchema(kind: Identifier['kind']) {
  return z
    .object({
      limit: z.object({
        count: z.number({ error: 'Enter a whole number from 1 to 1000' }).pipe(IdentifierLimitSchema.shape.count),
        window: LimitWindowSchema,
      }),
      normalization: NormalizationSchema,
      blockedValues: BlockedValuesSchema,
      sourceKeys: z.string(),
    })
    .superRefine((values, ctx) => {
      if (kind !== 'custom') return;
      const problem = sourceKeysProblem(values.sourceKeys);
      if (problem) ctx.addIssue({ code: 'custom', path: ['sourceKeys'], message: problem });
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
