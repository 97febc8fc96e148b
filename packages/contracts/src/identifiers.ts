import { z } from 'zod';
import { VersionSchema } from './common.ts';

/** Keys the resolver knows how to read from an event (SPEC §5.1); every other key is custom. */
export const BUILT_IN_IDENTIFIER_KEYS = [
  'user_id',
  'email',
  'anonymous_id',
  'group_id',
  'ga_client_id',
  'ios.id',
  'android.id',
  'ios.idfa',
  'android.idfa',
  'ios.push_token',
  'android.push_token',
] as const;

/** Whether a key is one of the built-in identifiers of SPEC §5.1. */
export function isBuiltInIdentifierKey(key: string): boolean {
  return (BUILT_IN_IDENTIFIER_KEYS as readonly string[]).includes(key);
}

/** Identifier key: lowercase, starts with a letter, at most 64 characters; `priority` is reserved. */
export const IdentifierKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.]{0,63}$/, 'Use 1–64 lowercase letters, digits, "_" or ".", starting with a letter')
  .refine((key) => key !== 'priority', '"priority" is a reserved word');

// Control characters (C0, DEL, C1) make a label unreadable in the agent UI. Invisible ones (zero-width
// space, direction marks and overrides, word joiners, BOM, line and paragraph separators) make two
// labels look the same or reorder the text around them. Zero-width (non-)joiners stay: emoji
// sequences and Persian or Indic words need them.
const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const CONTROL_MESSAGE = 'Remove control and invisible characters (tabs, line breaks, zero-width spaces…)';

/** Longest display name an admin may choose; only the default, the key itself, may be longer. */
export const MAX_DISPLAY_NAME_LENGTH = 50;
/** Longest identifier key, hence the longest default display name. */
const MAX_IDENTIFIER_KEY_LENGTH = 64;
const DISPLAY_NAME_TOO_LONG = `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters`;

// A bound on UTF-16 units as well: 50 characters may each carry combining marks, but not without end.
const MAX_DISPLAY_NAME_UNITS = 200;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The length of a display name in characters as a reader counts them (grapheme clusters): an
 * emoji, or a letter with its accent, is one, where `String#length` would count two or more.
 */
export function displayNameLength(name: string): number {
  let count = 0;
  for (const _ of graphemes.segment(name)) count++;
  return count;
}

function displayNameText(maxLength: number) {
  return (
    z
      .string()
      .trim()
      .min(1, 'Enter a display name')
      .max(MAX_DISPLAY_NAME_UNITS, DISPLAY_NAME_TOO_LONG)
      .refine((name) => displayNameLength(name) <= maxLength, DISPLAY_NAME_TOO_LONG)
      .refine((name) => !CONTROL_CHARACTERS.test(name), CONTROL_MESSAGE)
      // What JSON Schema cannot say (its maxLength counts code points, not characters as read).
      .meta({
        description:
          `Trimmed; 1–${MAX_DISPLAY_NAME_LENGTH} characters as a reader counts them (an emoji or an accented letter is one), ` +
          `or the identifier's own key (up to ${MAX_IDENTIFIER_KEY_LENGTH}); no control or invisible characters ` +
          '(tabs, line breaks, zero-width spaces). Unique among the identifiers of a space, ignoring case.',
      })
  );
}

/** Display name an admin chooses: trimmed, 1–50 characters, no control characters. */
export const DisplayNameSchema = displayNameText(MAX_DISPLAY_NAME_LENGTH);

/**
 * A display name where its identifier is known: what `DisplayNameSchema` accepts, or the
 * identifier's own key (the default, SPEC §2), which may have up to 64 characters. Up to 64 pass
 * here; whatever holds the name checks it against the key with `displayNameLengthIssue`.
 */
export const IdentifierDisplayNameSchema = displayNameText(MAX_IDENTIFIER_KEY_LENGTH);

/**
 * Why `displayName` is too long for the identifier `key`, or null. Keys may have 64 characters
 * and the display name defaults to the key, so the key itself is always a valid display name;
 * anything else is held to 50.
 */
export function displayNameLengthIssue(key: string, displayName: string): string | null {
  return displayNameLength(displayName) > MAX_DISPLAY_NAME_LENGTH && displayName !== key ? DISPLAY_NAME_TOO_LONG : null;
}

export const LIMIT_WINDOWS = ['ever', 'daily', 'weekly', 'monthly', 'annually'] as const;
/** Sliding window over which a limit counts values by first-seen time. */
export const LimitWindowSchema = z.enum(LIMIT_WINDOWS);
export type LimitWindow = z.infer<typeof LimitWindowSchema>;

/** Length of each limit window in days; `ever` has none. */
export const LIMIT_WINDOW_DAYS: Record<LimitWindow, number | null> = {
  ever: null,
  daily: 1,
  weekly: 7,
  monthly: 30,
  annually: 365,
};

/**
 * How many distinct values of one identifier a profile may hold within a window. Strict, as every
 * settings object: a misspelt field (`windows`) is refused rather than quietly left at its default.
 */
export const IdentifierLimitSchema = z.strictObject({
  count: z.number().int('Use a whole number').min(1, 'Use at least 1').max(1000, 'Use at most 1000'),
  window: LimitWindowSchema,
});
export type IdentifierLimit = z.infer<typeof IdentifierLimitSchema>;

/** How a raw value is normalized before it is matched (SPEC §6). */
export const NormalizationSchema = z.enum(['email', 'phone', 'trim', 'none']);
export type Normalization = z.infer<typeof NormalizationSchema>;

/** Longest regular expression accepted as a blocked value. */
export const MAX_BLOCKED_REGEX_LENGTH = 200;

/**
 * The form exact blocked values are compared in: upper-cased, then lower-cased, which equates
 * what plain lower-casing leaves apart ("straße" and "STRASSE", "οδος" and "ΟΔΟΣ" with its final
 * sigma). Neither step ever shortens a string. The resolver and the console's rules form use it.
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/**
 * Why a regular expression does not compile, or null when it does. The engine's message repeats
 * the pattern ("Invalid regular expression: /([a-z/: Unterminated character class"); the admin has
 * just typed it, so only the reason is kept. Shared by the contract, the console's form and the
 * resolver's safety check, so that all three word it the same way.
 */
export function regexSyntaxError(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    const prefix = `Invalid regular expression: /${pattern}/`;
    if (!message.startsWith(prefix)) return message;
    // After the pattern V8 may add its flags ("/u: "), then the reason.
    return message.slice(prefix.length).replace(/^[a-z]*: /, '');
  }
}

/**
 * A value that never becomes an identifier value. `exact` compares case-insensitively; `regex`
 * is a JavaScript regular expression without implicit anchors. Whether a regex is safe from
 * catastrophic backtracking is checked by the server with the resolver's checker.
 */
export const BlockedValueSchema = z
  .strictObject({
    value: z.string().min(1, 'Enter a value').max(255, 'Use at most 255 characters'),
    match: z.enum(['exact', 'regex']),
  })
  .superRefine((blocked, ctx) => {
    if (blocked.match !== 'regex') return;
    if (blocked.value.length > MAX_BLOCKED_REGEX_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `A regular expression may have at most ${MAX_BLOCKED_REGEX_LENGTH} characters`,
      });
      return;
    }
    const syntaxError = regexSyntaxError(blocked.value);
    if (syntaxError !== null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Not a valid regular expression: ${syntaxError}` });
    }
  });
export type BlockedValue = z.infer<typeof BlockedValueSchema>;

/** Blocked values suggested for every identifier (SPEC §2). */
export const SUGGESTED_BLOCKED_VALUES: readonly BlockedValue[] = [
  { value: '^[0-]*$', match: 'regex' },
  { value: '-1', match: 'exact' },
  { value: 'null', match: 'exact' },
  { value: 'anonymous', match: 'exact' },
];

export const BlockedValuesSchema = z.array(BlockedValueSchema).max(100, 'Use at most 100 blocked values');

/**
 * A trait or property key a custom identifier is read from. Every identifier key is one (a custom
 * identifier left without source keys reads the trait named like itself), so `.` and `-` are
 * allowed as in trait keys such as `crm.id` or `loyalty-number`.
 */
export const SourceKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'Use 1–64 letters, digits, "_", "." or "-", starting with a letter or "_"');
/**
 * The one name a source key may not have: the API refuses a body with a `__proto__` key (it would
 * be dropped silently otherwise), so no event can ever carry a trait by that name.
 */
const UNREADABLE_SOURCE_KEY = '__proto__';
const UNREADABLE_SOURCE_KEY_ISSUE = '"__proto__" cannot be a source key: events may not carry a trait by that name';
/** The same, said of the key a form shows it beside (`“__proto__”: …`). */
const UNREADABLE_SOURCE_KEY_FIELD_ISSUE = 'JavaScript reserves this name, so no event can carry a trait by it';

/** The source keys of a custom identifier: 1–10. */
export const SourceKeysSchema = z
  .array(SourceKeySchema.refine((key) => key !== UNREADABLE_SOURCE_KEY, UNREADABLE_SOURCE_KEY_FIELD_ISSUE))
  .min(1, 'Add at least one source key')
  .max(10, 'Use at most 10 source keys');
/**
 * Source keys where the identifier is known: up to 10, and whether none are allowed depends on its
 * kind (built-in identifiers have none), which whatever holds them checks with `sourceKeysIssue`.
 */
export const IdentifierSourceKeysSchema = z
  .array(SourceKeySchema)
  .max(10, 'Use at most 10 source keys')
  // A key listed twice reads nothing more: kept once, in the order first given. `overwrite`, not
  // `transform`: the type stays a list of strings, which the OpenAPI document can then say.
  .overwrite((keys) => [...new Set(keys)]);

export const IdentifierKindSchema = z.enum(['default', 'custom']);
export type IdentifierKind = z.infer<typeof IdentifierKindSchema>;

/** The kind an identifier with this key has: built-in keys are `default`, every other is `custom`. */
export function identifierKindOf(key: string): IdentifierKind {
  return isBuiltInIdentifierKey(key) ? 'default' : 'custom';
}

/**
 * Why `sourceKeys` do not suit an identifier of `kind`, or null (SPEC §2: source keys are for
 * custom identifiers only, 1–10 of them). An empty list on a built-in identifier is what it has.
 */
export function sourceKeysIssue(kind: IdentifierKind, sourceKeys: readonly string[]): string | null {
  if (kind === 'default') {
    return sourceKeys.length > 0
      ? 'Source keys are for custom identifiers; built-in ones are read from fixed places, so leave this empty'
      : null;
  }
  if (sourceKeys.length === 0) return 'Add at least one source key';
  // Checked here rather than in the key's schema, which stored identifiers are read back with too.
  return sourceKeys.includes(UNREADABLE_SOURCE_KEY) ? UNREADABLE_SOURCE_KEY_ISSUE : null;
}

/**
 * Adds an issue on `displayName` when it is too long for the identifier `key`, unless the field's
 * own schema has already refused it (over 64 characters): the same line would be said twice.
 */
function checkDisplayNameLength(key: unknown, displayName: unknown, ctx: z.RefinementCtx): void {
  if (typeof key !== 'string' || typeof displayName !== 'string') return;
  if (!IdentifierDisplayNameSchema.safeParse(displayName).success) return;
  const issue = displayNameLengthIssue(key, displayName);
  if (issue !== null) ctx.addIssue({ code: 'custom', path: ['displayName'], message: issue });
}

/**
 * Checks the fields of an identifier input that depend on its key: the display name's length and,
 * when given, the source keys (none on a built-in identifier; on a custom one at least one unless
 * `customNeedsSourceKeys` is off, where an empty list means "the default").
 */
export function checkIdentifierInput(
  input: { key: string; displayName?: string | null | undefined; sourceKeys?: readonly string[] | undefined },
  ctx: z.RefinementCtx,
  options: { customNeedsSourceKeys: boolean },
): void {
  // A key that is not valid has its own issue; nothing can be told from it.
  if (!IdentifierKeySchema.safeParse(input.key).success) return;
  checkDisplayNameLength(input.key, input.displayName, ctx);
  if (!Array.isArray(input.sourceKeys)) return;
  const kind = identifierKindOf(input.key);
  if (kind === 'custom' && input.sourceKeys.length === 0 && !options.customNeedsSourceKeys) return;
  const issue = sourceKeysIssue(kind, input.sourceKeys);
  if (issue !== null) ctx.addIssue({ code: 'custom', path: ['sourceKeys'], message: issue });
}

/** An identifier type of a space, as the API returns it. */
export const IdentifierSchema = z
  .object({
    key: IdentifierKeySchema,
    kind: IdentifierKindSchema,
    displayName: IdentifierDisplayNameSchema,
    priority: z.number().int().min(1),
    limit: IdentifierLimitSchema,
    normalization: NormalizationSchema,
    blockedValues: BlockedValuesSchema,
    /** Custom identifiers only; empty for built-in ones. */
    sourceKeys: IdentifierSourceKeysSchema,
  })
  .superRefine((identifier, ctx) => checkDisplayNameLength(identifier.key, identifier.displayName, ctx));
export type Identifier = z.infer<typeof IdentifierSchema>;

/**
 * Body of `POST …/identifiers`: only `key` is required (defaults in SPEC §2). A custom identifier
 * takes 1–10 source keys; a built-in one none (an empty list is accepted, as GET shows it).
 */
export const CreateIdentifierInputSchema = z
  .strictObject({
    key: IdentifierKeySchema,
    kind: IdentifierKindSchema.optional(),
    displayName: IdentifierDisplayNameSchema.nullable().optional(),
    priority: z.number().int('Use a whole number').min(1, 'Use 1 or more').optional(),
    limit: IdentifierLimitSchema.optional(),
    normalization: NormalizationSchema.optional(),
    blockedValues: BlockedValuesSchema.optional(),
    sourceKeys: IdentifierSourceKeysSchema.optional(),
  })
  .superRefine((input, ctx) => checkIdentifierInput(input, ctx, { customNeedsSourceKeys: true }));
export type CreateIdentifierInput = z.infer<typeof CreateIdentifierInputSchema>;

/**
 * Body of `PATCH …/identifiers/:key`; `displayName: null` resets it to the key. The key is in the
 * path, so the server checks the display name's length (`displayNameLengthIssue`) and the source
 * keys (`sourceKeysIssue`) against the identifier.
 */
export const UpdateIdentifierInputSchema = z.strictObject({
  displayName: IdentifierDisplayNameSchema.nullable().optional(),
  limit: IdentifierLimitSchema.optional(),
  normalization: NormalizationSchema.optional(),
  blockedValues: BlockedValuesSchema.optional(),
  sourceKeys: IdentifierSourceKeysSchema.optional(),
});
export type UpdateIdentifierInput = z.infer<typeof UpdateIdentifierInputSchema>;

/** The display-name form of the Identifiers tab, for the identifier `key` (which is a valid name). */
export function displayNameFormSchema(key: string) {
  return z
    .object({ displayName: IdentifierDisplayNameSchema })
    .superRefine((form, ctx) => checkDisplayNameLength(key, form.displayName, ctx));
}
export type DisplayNameForm = z.infer<ReturnType<typeof displayNameFormSchema>>;

/**
 * Body of `PUT …/identifiers/priority`: every key of the space, highest priority first (none for a
 * space without identifiers; the server checks the list against the space).
 */
export const ReorderIdentifiersInputSchema = z.strictObject({
  keys: z
    .array(IdentifierKeySchema)
    .refine((keys) => new Set(keys).size === keys.length, 'Each key may appear only once'),
});
export type ReorderIdentifiersInput = z.infer<typeof ReorderIdentifiersInputSchema>;

/** `GET …/identifiers` and `PUT …/identifiers/priority`. */
export const IdentifierListSchema = z.object({
  identifiers: z.array(IdentifierSchema),
  version: VersionSchema,
});
export type IdentifierList = z.infer<typeof IdentifierListSchema>;

/** Values a new identifier takes for fields left out (SPEC §2). */
export function identifierDefaults(key: string): Omit<Identifier, 'priority'> {
  const kind = identifierKindOf(key);
  return {
    key,
    kind,
    displayName: key,
    limit: { count: key === 'user_id' ? 1 : 5, window: 'ever' },
    normalization: key === 'email' ? 'email' : key === 'phone' ? 'phone' : 'trim',
    blockedValues: SUGGESTED_BLOCKED_VALUES.map((blocked) => ({ ...blocked })),
    // A custom identifier left without source keys reads the trait named like itself.
    sourceKeys: kind === 'custom' ? [key] : [],
  };
}
