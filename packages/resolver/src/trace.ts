import { exceedsCharacters, type Issue, type Normalization, type TraceStep, type TraceStepKind } from '@idr/contracts';
import type { BlockedMatch } from './blocked.ts';
import { MAX_IDENTIFIER_VALUE_LENGTH as MAX_LENGTH } from './normalize.ts';
import type { ProfileState } from './store.ts';

/**
 * The steps of one resolution in words an admin can read in the preview. Resolution without a
 * trace passes `null` and builds no strings (the hot path).
 */
export interface Trace {
  steps: TraceStep[];
  attempt: number;
  /** A preview: the writes are described as what would happen, since nothing is written. */
  dryRun: boolean;
}

/** A trace with no steps yet. */
export function createTrace(dryRun = false): Trace {
  return { steps: [], attempt: 0, dryRun };
}

function add(trace: Trace, kind: TraceStepKind, message: string): void {
  trace.steps.push({ attempt: trace.attempt, kind, message });
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}

/** `email "jane@example.com"`. */
export function describeValue(key: string, value: string): string {
  return `${key} ${show(value)}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

/**
 * A time as an admin reads it in the trace: `2026-12-03 14:04:25 UTC`, with milliseconds only when
 * there are some (two events a moment apart). In UTC, said so: the resolver does not know the
 * reader's time zone, and the event's own timestamp is usually written in UTC.
 */
function readableTime(time: number): string {
  const [date, clock] = new Date(time).toISOString().split('T') as [string, string];
  return `${date} ${clock.replace(/\.000Z$/, '').replace(/Z$/, '')} UTC`;
}

const NORMALIZATION_NAMES: Record<Normalization, string> = {
  email: 'an email address (local@domain)',
  phone: 'a valid phone number',
  trim: 'a string or number',
  none: 'a string or number',
};

/** Why a raw value is invalid (SPEC §5.2, §6), said of what it is rather than of every rule at once. */
function invalidReason(raw: unknown, normalization: Normalization): string {
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
    return 'only a string or a finite number can be an identifier value';
  }
  // Trimming and `none` only fail on length; email and phone mostly on shape.
  if (normalization === 'trim' || normalization === 'none' || exceedsCharacters(String(raw).trim(), MAX_LENGTH)) {
    return `it is longer than ${MAX_LENGTH} characters once normalized`;
  }
  return `it is not ${NORMALIZATION_NAMES[normalization]}`;
}

export function traceRejected(trace: Trace, issues: readonly Issue[]): void {
  const details = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  add(trace, 'rejected', `The event is invalid and was not resolved (${details.join('; ')}).`);
}

export function traceDuplicate(trace: Trace, messageId: string): void {
  add(
    trace,
    'duplicate',
    `Message ${show(messageId)} was already processed: its first result is returned and nothing changes.`,
  );
}

export function traceExtracted(trace: Trace, key: string, raw: unknown, source: string): void {
  add(trace, 'extracted', `Read ${key} ${show(raw)} from ${source}.`);
}

export function traceUnrecognizedType(trace: Trace, type: string): void {
  add(
    trace,
    'dropped',
    `Ignored context.externalIds of type ${show(type)}: no identifier has that key. Add an identifier with the key ${show(type)} to use these IDs.`,
  );
}

export function traceEmpty(trace: Trace, key: string, source: string): void {
  add(trace, 'dropped', `Ignored ${key} from ${source}: it is empty after normalization.`);
}

/** `described` is how `droppedIdentifiers` reports the value; `raw` is the value as the event sent it. */
export function traceInvalid(
  trace: Trace,
  key: string,
  described: string,
  raw: unknown,
  normalization: Normalization,
  source: string,
): void {
  add(
    trace,
    'dropped',
    `Dropped ${describeValue(key, described)} from ${source} (invalid): ${invalidReason(raw, normalization)}.`,
  );
}

export function traceBlocked(trace: Trace, key: string, value: string, blocked: BlockedMatch): void {
  const how =
    blocked.match === 'exact'
      ? `the blocked value ${show(blocked.pattern)}`
      : `the blocked pattern /${blocked.pattern}/`;
  add(trace, 'dropped', `Dropped ${describeValue(key, value)} (blocked): it matches ${how}.`);
}

export function traceCandidates(trace: Trace, candidates: ReadonlyArray<{ key: string; value: string }>): void {
  add(
    trace,
    'candidates',
    `Candidates in priority order: ${list(candidates.map((candidate) => describeValue(candidate.key, candidate.value)))}.`,
  );
}

export function traceUnresolved(trace: Trace): void {
  add(
    trace,
    'unresolved',
    trace.dryRun
      ? 'No usable identifier value is left: the event would be unresolved and no profile would be written.'
      : 'No usable identifier value is left: the event is unresolved and no profile is written.',
  );
}

export function traceMatched(
  trace: Trace,
  matches: ReadonlyArray<{ profile: ProfileState; values: string[] }>,
  newValues: readonly string[],
): void {
  const held =
    matches.length === 0
      ? 'no profile holds any of them'
      : matches.map((match) => `profile ${match.profile.id} holds ${match.values.join(', ')}`).join('; ');
  add(trace, 'matched', `Attempt ${trace.attempt}: ${held}; new values: ${list(newValues)}.`);
}

/** At most this many values are quoted in a limit's explanation, then "and N more". */
const MAX_VALUES_QUOTED = 5;

function quoted(values: readonly string[], where: string): string {
  const shown = values.slice(0, MAX_VALUES_QUOTED).map(show).join(', ');
  const more = values.length - MAX_VALUES_QUOTED;
  return `${shown}${more > 0 ? ` and ${more} more` : ''} (${where})`;
}

/**
 * Why a would-be profile breaks an identifier's limit, naming the values that count: those the
 * matched profiles already hold, and this event's. An admin asking why a phone number was dropped
 * then reads which user id it clashed with, not just that some limit was reached.
 */
export function limitCheckFailedMessage(check: {
  key: string;
  limitCount: number;
  /** `null` for a limit over all time. */
  windowDays: number | null;
  windowName: string;
  count: number;
  heldValues: readonly string[];
  newValues: readonly string[];
  /** The most values of the key one matched profile already holds in the window. */
  alreadyHeld: number;
}): string {
  const { key, limitCount, windowDays, windowName, count, heldValues, newValues, alreadyHeld } = check;
  const within = windowDays === null ? '' : ` first seen within ${windowDays} days (the ${windowName} window)`;
  const values = [
    ...(heldValues.length > 0 ? [quoted(heldValues, 'already held')] : []),
    ...(newValues.length > 0 ? [quoted(newValues, 'from this event')] : []),
  ].join(' and ');
  const limit = windowDays === null ? `${limitCount}` : `${limitCount} ${windowName}`;
  const excess =
    alreadyHeld > limitCount ? `; a profile already holding ${alreadyHeld} keeps them, but may not take more` : '';
  return `Check failed: the profile would hold ${count} ${key} values${within}: ${values}. Its limit is ${limit}${excess}.`;
}

export function traceCheckFailed(trace: Trace, message: string): void {
  add(trace, 'check_failed', message);
}

export function traceDemoted(trace: Trace, key: string, value: string, reason: string, remaining: number): void {
  add(
    trace,
    'demoted',
    `Demoted ${describeValue(key, value)}, the lowest-priority candidate (reason ${reason}); ${remaining} candidate${remaining === 1 ? '' : 's'} left.`,
  );
}

export function traceCreated(trace: Trace, profileId: string, values: readonly string[], at: number): void {
  add(
    trace,
    'created',
    trace.dryRun
      ? `Would create a new profile (created at ${readableTime(at)}) holding ${list(values)}; its id is assigned when the event is sent for real.`
      : `Created profile ${profileId} (created at ${readableTime(at)}) holding ${list(values)}.`,
  );
}

export function traceMerged(trace: Trace, survivor: ProfileState, merged: readonly ProfileState[]): void {
  add(
    trace,
    'merged',
    trace.dryRun
      ? `Would merge ${merged.map((profile) => profile.id).join(', ')} into ${survivor.id}, the oldest profile (created ${readableTime(survivor.createdAt)}); the merged ids would then resolve to ${survivor.id}.`
      : `Merged ${merged.map((profile) => profile.id).join(', ')} into ${survivor.id}, the oldest profile (created ${readableTime(survivor.createdAt)}); the merged ids now resolve to ${survivor.id}.`,
  );
}

/** `merging`: the candidates the survivor lacks come with the profiles merged into it. */
export function traceAdded(
  trace: Trace,
  profileId: string,
  values: readonly string[],
  at: number,
  merging = false,
): void {
  if (values.length > 0) {
    add(
      trace,
      'added',
      `${trace.dryRun ? 'Would add' : 'Added'} ${list(values)} to profile ${profileId}, first seen ${readableTime(at)}.`,
    );
  } else if (merging) {
    add(
      trace,
      'added',
      `With the profiles merged into it, profile ${profileId} ${trace.dryRun ? 'would hold' : 'holds'} every candidate: no value new to the space added.`,
    );
  } else {
    add(trace, 'added', `Profile ${profileId} already holds every candidate: no value added.`);
  }
}

/** `profileId` null: the profile a dry run would create, which has no id yet. */
export function traceTraits(trace: Trace, profileId: string | null, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const target = profileId === null ? 'the new profile' : `profile ${profileId}`;
  add(
    trace,
    'traits',
    `${trace.dryRun ? 'Would set' : 'Set'} ${keys.length === 1 ? 'the trait' : 'the traits'} ${keys.join(', ')} on ${target} (newest event timestamp wins).`,
  );
}
