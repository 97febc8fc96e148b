// Pure rules of the Lookup preview tab: the lookup form, reading the dry-run JSON, and the words
// the console uses for outcomes and dropped identifiers. No React here, so they are unit-tested.
import {
  type AddressType,
  type BlockedValue,
  type DropReason,
  exceedsCharacters,
  foldCase,
  type Identifier,
  type LookupRequest,
  type Normalization,
  type ProfileIdentifier,
  type ResolutionOutcome,
  type ResolutionResult,
} from '@idr/contracts';
import { z } from 'zod';
import { locateJsonSyntaxError } from '../../lib/json-syntax.ts';
import type { NormalizationMismatch } from '../../lib/lookup-warnings.ts';

/** What a lookup of `POST …/profiles/lookup` searches by: an address type (what a call or message brings) or any identifier. */
export type SearchBy = AddressType | 'identifier';

export const LookupFormSchema = z
  .object({
    /** A lookup's `SearchBy`, or a profile's id (`GET …/profiles/:id`). */
    searchBy: z.enum(['phone', 'email', 'identifier', 'profileId']),
    address: z.string(),
    identifier: z.string(),
    value: z.string(),
    profileId: z.string(),
    createIfNotFound: z.boolean(),
  })
  .superRefine((form, ctx) => {
    if (form.searchBy === 'profileId') {
      const id = form.profileId.trim();
      if (id === '') ctx.addIssue({ code: 'custom', path: ['profileId'], message: 'Enter a profile ID' });
      // A URL reads `.` and `..` as path steps, even percent-encoded (WHATWG URL), so they cannot be
      // asked for: the request would reach another address. The server makes no such ids.
      else if (id === '.' || id === '..')
        ctx.addIssue({ code: 'custom', path: ['profileId'], message: profileNotFoundMessage(id) });
      return;
    }
    if (form.searchBy === 'identifier') {
      if (form.identifier === '')
        ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'Choose an identifier' });
      if (form.value.trim() === '') ctx.addIssue({ code: 'custom', path: ['value'], message: 'Enter a value' });
      return;
    }
    if (form.address.trim() === '') {
      const message = form.searchBy === 'phone' ? 'Enter a phone number' : 'Enter an email address';
      ctx.addIssue({ code: 'custom', path: ['address'], message });
    }
  });
export type LookupFormValues = z.infer<typeof LookupFormSchema>;

export const EMPTY_LOOKUP_FORM: LookupFormValues = {
  searchBy: 'phone',
  address: '',
  identifier: '',
  value: '',
  profileId: '',
  createIfNotFound: false,
};

/** What Look up asks the server for: a lookup body, or one profile by its id. */
export type LookupSearch = { kind: 'lookup'; request: LookupRequest } | { kind: 'profile'; profileId: string };

/**
 * What Look up asks for with the form's values. Only an address lookup may create a profile; a
 * profile id is trimmed (a copied id often brings a space or a line break along).
 */
export function toLookupSearch(form: LookupFormValues): LookupSearch {
  switch (form.searchBy) {
    case 'profileId':
      return { kind: 'profile', profileId: form.profileId.trim() };
    case 'identifier':
      return { kind: 'lookup', request: { identifier: form.identifier, value: form.value } };
    default:
      return {
        kind: 'lookup',
        request: form.createIfNotFound
          ? { addressType: form.searchBy, address: form.address, createIfNotFound: true }
          : { addressType: form.searchBy, address: form.address },
      };
  }
}

/** Next to the Profile ID field when the server knows no profile by the id searched. */
export function profileNotFoundMessage(profileId: string): string {
  return `No profile has the id “${profileId}” in this space.`;
}

/** The form field a server issue path of the lookup body belongs to, if any. */
export function lookupFieldOfIssue(path: string): 'address' | 'identifier' | 'value' | null {
  const last = path.split('.').pop() ?? '';
  if (last === 'address' || last === 'addressType') return 'address';
  if (last === 'identifier' || last === 'value') return last;
  return null;
}

/** What the lookup does to the address with the identifier's normalization. */
const ADDRESS_SEARCHED_AS: Record<Normalization, string> = {
  trim: 'the address is only trimmed',
  none: 'the address is searched exactly as typed',
  email: 'the address is read as an email address',
  phone: 'the address is read as a phone number',
};

/** How the values of each address type are stored on profiles, i.e. what a lookup must search for. */
const STORED_AS: Record<AddressType, string> = {
  phone: 'phone numbers on profiles are in E.164 form, such as +14155550100',
  email: 'email addresses on profiles are trimmed and lower-cased, such as jane@example.com',
};

/** Why lookups of a mismatched mapping do not match, naming the identifier and both normalizations. */
export function mismatchExplanation({ addressType, identifier, expected }: NormalizationMismatch): string {
  const name =
    identifier.displayName === identifier.key ? identifier.key : `${identifier.displayName} (${identifier.key})`;
  return `${name} uses “${identifier.normalization}” normalization, not “${expected}”: ${ADDRESS_SEARCHED_AS[identifier.normalization]}, while ${STORED_AS[addressType]}, so lookups will not match them.`;
}

/** Longest value the server normalizes, in characters (SPEC §6); longer ones are never tested against a regex here. */
const MAX_TESTED_VALUE_LENGTH = 255;

/**
 * The blocked value of an identifier that a normalized value matches, if any, the way the resolver
 * checks them (SPEC §6): `exact` ignoring case, `regex` as written without implicit anchors. A
 * lookup of a blocked value finds only a profile that took it before it was blocked, and creates
 * none, which the result explains.
 */
export function findBlockedValue(
  identifier: Pick<Identifier, 'blockedValues'> | undefined,
  normalizedValue: string,
): BlockedValue | null {
  if (!identifier || exceedsCharacters(normalizedValue, MAX_TESTED_VALUE_LENGTH)) return null;
  const folded = foldCase(normalizedValue);
  return (
    identifier.blockedValues.find((blocked) =>
      blocked.match === 'exact' ? foldCase(blocked.value) === folded : regexMatches(blocked.value, normalizedValue),
    ) ?? null
  );
}

/** Settings hold only regexes the server compiled, but a hint is not worth an exception. */
function regexMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** What a lookup result needs to explain an empty answer. */
export interface EmptyLookup {
  /** Address lookups can create the profile (the “Create the profile if none is found” checkbox); searches by identifier cannot. */
  searchBy: SearchBy;
  key: string;
  normalizedValue: string;
  /** The normalized value matches a blocked value of the identifier (`findBlockedValue`). */
  blocked: boolean;
  /** The address type is mapped to an identifier whose normalization does not fit it. */
  mismatch: boolean;
}

/** Why a blocked value is on no profile: said for empty answers and for profiles that hold it anyway. */
export function blockedValueExplanation(key: string, normalizedValue: string): string {
  return `“${normalizedValue}” is a blocked ${key} value: events never add it to a profile, so only a profile that took it before it was blocked could hold it.`;
}

/** The sentences under “No profile holds this value”: what the agent sees, then the next step, if any. */
export function emptyLookupText({ searchBy, key, normalizedValue, blocked, mismatch }: EmptyLookup): string[] {
  const sees =
    searchBy === 'identifier'
      ? 'An agent searching for this value would find no customer profile.'
      : 'An agent receiving this contact would see no customer profile.';
  // A blocked value is never stored, not even by a lookup that may create: it explains the miss.
  if (blocked) return [sees, blockedValueExplanation(key, normalizedValue)];
  // Only an address lookup offers the checkbox; creating through a mismatched mapping would only
  // store the value in the wrong form too.
  if (searchBy === 'identifier') return [sees];
  if (mismatch) return [sees, 'Fix the mapping above before creating profiles from lookups.'];
  return [
    sees,
    'Check “Create the profile if none is found” to create one, as a flow builder’s “search for a profile” step would.',
  ];
}

export type ParsedEvent = { ok: true; event: Record<string, unknown> } | { ok: false; message: string };

/** Reads the dry-run textarea: one JSON object, or a message saying where the JSON breaks. */
export function parseEventJson(text: string): ParsedEvent {
  if (text.trim() === '') return { ok: false, message: 'Enter an event as JSON, e.g. { "type": "identify" }.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    if (!located) return { ok: false, message: `This is not valid JSON: ${String(error)}` };
    return {
      ok: false,
      message: `This is not valid JSON: ${located.reason} at line ${located.line}, column ${located.column}.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The event must be one JSON object, e.g. { "type": "identify", "userId": "…" }.' };
  }
  return { ok: true, event: value as Record<string, unknown> };
}

/** A realistic identify event to start the dry run from. */
export const EXAMPLE_EVENT = JSON.stringify(
  {
    type: 'identify',
    userId: 'u_10042',
    anonymousId: 'anon_7f3c2a91',
    traits: {
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      phone: '+1 415 555 0100',
      plan: 'premium',
    },
  },
  null,
  2,
);

type BadgeVariant = 'success' | 'new' | 'neutral' | 'warning' | 'error' | 'info';

/** How the dry run words each outcome. */
export const OUTCOME_TEXT: Record<ResolutionOutcome, { label: string; variant: BadgeVariant; summary: string }> = {
  created: {
    label: 'Created',
    variant: 'new',
    summary: 'The event would create a new profile holding the added identifier values below.',
  },
  matched: {
    label: 'Matched',
    variant: 'success',
    summary: 'The event would resolve to an existing profile.',
  },
  merged: {
    label: 'Merged',
    variant: 'warning',
    summary: 'The event links several profiles: they would be merged into the oldest one.',
  },
  unresolved: {
    label: 'Unresolved',
    variant: 'neutral',
    summary: 'No usable identifier value is left: the event would resolve to no profile.',
  },
  duplicate: {
    label: 'Duplicate',
    variant: 'info',
    summary: 'An event with this messageId was already processed: it would be ignored and change nothing.',
  },
  rejected: {
    label: 'Rejected',
    variant: 'error',
    summary: 'The event is not valid and would be rejected.',
  },
};

// A demoted value (limit, merge_limit, mapping_limit) is only left out of this event's resolution:
// the check that failed may concern another identifier, and a profile already holding the value
// keeps it (SPEC §7 step 4).
const NOT_STORED = 'This event does not store it on any profile; a profile that already holds it keeps it.';

/** Why a value of the event was not used (SPEC §6, §7), in words for an admin. */
export const DROP_REASON_TEXT: Record<DropReason, { label: string; explanation: string }> = {
  blocked: {
    label: 'Blocked value',
    explanation:
      'It matches a blocked value of this identifier, so it is ignored and never becomes part of a profile. The event still resolves on its other values.',
  },
  invalid: {
    label: 'Invalid value',
    explanation:
      'It could not be normalized for this identifier (not an email address or a valid phone number, not text or a number, or longer than 255 characters), so it is ignored. The value shown is the raw value.',
  },
  limit: {
    label: 'Demoted: identifier limit',
    explanation: `Keeping it would make the resulting profile exceed an identifier limit (this identifier’s or another’s), so this value, the lowest-priority one left, was demoted. ${NOT_STORED}`,
  },
  merge_limit: {
    label: 'Demoted: merge limit',
    explanation: `Keeping it would merge profiles beyond the 100 merges one profile may take, so this value, the lowest-priority one left, was demoted. ${NOT_STORED}`,
  },
  mapping_limit: {
    label: 'Demoted: 1000 values',
    explanation: `Keeping it would put more than 1000 identifier values on one profile, so this value, the lowest-priority one left, was demoted. ${NOT_STORED}`,
  },
};

const DEMOTION_REASONS: ReadonlySet<DropReason> = new Set(['limit', 'merge_limit', 'mapping_limit']);
const CHECK_FAILED_PREFIX = 'Check failed: ';

/**
 * The check that made each demotion of a dry run, by position in `droppedIdentifiers`, in the
 * trace's own words ("The profile would hold 2 user_id values: "u1" (already held) and "u2" (from
 * this event). Its limit is 1."):
 * the general explanation cannot say which identifier's limit it was. The resolver demotes in the
 * order it lists the demoted values, each `demoted` step right after the `check_failed` one that
 * caused it, so the n-th demotion pairs with the n-th such step.
 */
export function demotionCauses(result: Pick<ResolutionResult, 'droppedIdentifiers' | 'trace'>): Map<number, string> {
  const causes: string[] = [];
  const steps = result.trace ?? [];
  steps.forEach((step, index) => {
    const check = steps[index - 1];
    if (step.kind === 'demoted' && check?.kind === 'check_failed') {
      const words = check.message.startsWith(CHECK_FAILED_PREFIX)
        ? check.message.slice(CHECK_FAILED_PREFIX.length)
        : check.message;
      causes.push(words.charAt(0).toUpperCase() + words.slice(1));
    }
  });
  const byPosition = new Map<number, string>();
  let demotion = 0;
  result.droppedIdentifiers.forEach((dropped, position) => {
    if (!DEMOTION_REASONS.has(dropped.reason)) return;
    const cause = causes[demotion++];
    if (cause) byPosition.set(position, cause);
  });
  return byPosition;
}

/** The explanation of a demoted value when the check that caused it is known (`demotionCauses`). */
export function demotionExplanation(cause: string): string {
  return `${cause} This value, of the lowest-priority identifier left, was demoted. ${NOT_STORED}`;
}

/** An invalid value of an identifier whose normalization is known: what it is not, exactly. */
const INVALID_BY_NORMALIZATION: Partial<Record<Normalization, { label: string; explanation: string }>> = {
  email: {
    label: 'Not an email address',
    explanation:
      'It is not an email address of the form name@domain (no spaces, one @), or it is longer than 255 characters, so it is ignored. The value shown is the raw value.',
  },
  phone: {
    label: 'Not a readable phone number',
    explanation:
      'It is not a valid phone number: written without a country code, it is read as a number of the space’s default country, and a number of another country needs its own, such as +44 20 7946 0958. It is ignored. The value shown is the raw value.',
  },
};

/**
 * Why a value was dropped, for the dry run's table. An invalid value says what it failed to be
 * when its identifier's normalization is known (the event names the key, the settings its rules).
 */
export function dropReasonText(
  reason: DropReason,
  normalization: Normalization | undefined,
): { label: string; explanation: string } {
  return (reason === 'invalid' && normalization && INVALID_BY_NORMALIZATION[normalization]) || DROP_REASON_TEXT[reason];
}

/**
 * A profile's identifier values in identifier priority order (1 first); keys the settings no longer
 * know go last. Within one key, the oldest value first.
 */
export function sortByPriority(
  identifiers: readonly ProfileIdentifier[],
  priorities: ReadonlyMap<string, number>,
): ProfileIdentifier[] {
  const rank = (key: string) => priorities.get(key) ?? Number.POSITIVE_INFINITY;
  return identifiers
    .map((identifier, index) => ({ identifier, index }))
    .sort(
      (a, b) =>
        rank(a.identifier.key) - rank(b.identifier.key) ||
        a.identifier.firstSeenAt.localeCompare(b.identifier.firstSeenAt) ||
        a.index - b.index,
    )
    .map(({ identifier }) => identifier);
}

/** A trait value as text: strings as they are, anything else as JSON. */
export function formatTraitValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}
