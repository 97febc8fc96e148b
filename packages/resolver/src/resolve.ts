import type { DroppedIdentifier, Event, ResolutionResult } from '@idr/contracts';
import { type Candidate, prepareCandidates } from './candidates.ts';
import { countInWindow, MAX_MERGE_COUNT, MAX_PROFILE_VALUES } from './limits.ts';
import { type CompiledSettings, compileSettings, type ResolverSettings } from './settings.ts';
import type {
  ProfileState,
  ProfileWrite,
  ResolutionPlan,
  ResolverStore,
  StoredIdentifier,
  TraitState,
} from './store.ts';
import {
  createTrace,
  describeValue,
  type Trace,
  traceAdded,
  traceCandidates,
  traceCheckFailed,
  traceCreated,
  traceDemoted,
  traceDuplicate,
  traceMatched,
  traceMerged,
  traceRejected,
  traceTraits,
  traceUnresolved,
} from './trace.ts';
import { eventTime, parseEvent } from './validate.ts';

/** What `resolveEvent` and friends need: settings, the raw event, the store, a clock and an id generator. */
export interface ResolveInput {
  settings: ResolverSettings;
  /** The raw event as received; it is validated first. */
  event: unknown;
  store: ResolverStore;
  /** The clock: the received time in epoch ms. Called once per event. */
  now: () => number;
  /** Generates profile ids and missing message ids. */
  newId: () => string;
  /** Whether to explain each step in `result.trace` (costs string building; previews always trace). */
  trace?: boolean;
}

/** The same input for an event that was already validated with `parseEvent` (skips zod on the hot path). */
export interface ResolveParsedInput extends Omit<ResolveInput, 'event'> {
  event: Event;
  /** The time the event was received (epoch ms), the default timestamp. */
  receivedAt: number;
}

/** What the resolver decided for one event, before anything is written. */
export interface ResolutionDecision {
  result: ResolutionResult;
  /** What to write; `null` when nothing is written (rejected or duplicate). */
  plan: ResolutionPlan | null;
  /** `context.externalIds` types that match no identifier, for the console's "unrecognised types seen". */
  unrecognizedExternalIdTypes: string[];
  /** The validated event (or `null` if rejected), its message id and its effective timestamp (epoch ms). */
  event: Event | null;
  timestamp: number;
}

type CheckFailure = { reason: 'limit' | 'merge_limit' | 'mapping_limit'; message: string | null };

function emptyResult(messageId: string): ResolutionResult {
  return {
    messageId,
    outcome: 'unresolved',
    profileId: null,
    mergedProfileIds: [],
    addedIdentifiers: [],
    droppedIdentifiers: [],
  };
}

function olderFirst(a: ProfileState, b: ProfileState): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function timesOf(profile: ProfileState, key: string): number[] {
  const times: number[] = [];
  for (const identifier of profile.identifiers) if (identifier.key === key) times.push(identifier.firstSeenAt);
  return times;
}

/**
 * SPEC §7 step 3: would the profile F = values of P ∪ C break a limit, the merge cap or the value
 * cap? Checked in that order; the first failure decides the demotion reason.
 */
function checkWouldBeProfile(
  settings: CompiledSettings,
  matched: readonly ProfileState[],
  newValues: readonly Candidate[],
  at: number,
  explain: boolean,
): CheckFailure | null {
  // Keys that may have grown: with one matched profile only the keys of new values can, with a
  // merge every key of F can (two profiles with one user_id each, as in the demotion example).
  const keys = new Set<string>();
  for (const candidate of newValues) keys.add(candidate.key);
  if (matched.length > 1)
    for (const profile of matched) for (const identifier of profile.identifiers) keys.add(identifier.key);
  for (const identifier of settings.identifiers) {
    if (!keys.has(identifier.key)) continue;
    const times: number[] = [];
    for (const profile of matched) {
      for (const held of profile.identifiers) if (held.key === identifier.key) times.push(held.firstSeenAt);
    }
    for (const candidate of newValues) if (candidate.key === identifier.key) times.push(at);
    if (times.length <= identifier.limitCount) continue;
    const count = countInWindow(times, at, identifier.windowMs);
    if (count <= identifier.limitCount) continue;
    // An excess a profile already holds (a limit tightened later) is kept but may not grow.
    let held = 0;
    for (const profile of matched)
      held = Math.max(held, countInWindow(timesOf(profile, identifier.key), at, identifier.windowMs));
    if (count <= held) continue;
    return {
      reason: 'limit',
      message: explain
        ? `Check failed: the profile would hold ${count} ${identifier.key} values first seen ${identifier.windowMs === null ? 'ever' : `within the ${identifier.windowName} window`} (limit ${identifier.limitCount} ${identifier.windowName}${held > identifier.limitCount ? `, ${held} already held` : ''}).`
        : null,
    };
  }
  if (matched.length > 1) {
    let mergeCount = matched.length - 1;
    for (const profile of matched) mergeCount += profile.mergeCount;
    if (mergeCount > MAX_MERGE_COUNT) {
      return {
        reason: 'merge_limit',
        message: explain
          ? `Check failed: the surviving profile would count ${mergeCount} merged profiles (limit ${MAX_MERGE_COUNT}).`
          : null,
      };
    }
  }
  let total = newValues.length;
  for (const profile of matched) total += profile.identifiers.length;
  if (total > MAX_PROFILE_VALUES) {
    return {
      reason: 'mapping_limit',
      message: explain
        ? `Check failed: the profile would hold ${total} identifier values (limit ${MAX_PROFILE_VALUES}).`
        : null,
    };
  }
  return null;
}

/** Traits of the event: `context.traits`, overridden by `traits` (the identify call's own traits). */
function eventTraits(event: Event): Record<string, unknown> | null {
  const contextTraits = event.context?.traits;
  const traits = event.traits;
  if (!contextTraits && !traits) return null;
  return { ...contextTraits, ...traits };
}

/**
 * SPEC §7.6: for each trait key the value with the newest event timestamp wins, also across a
 * merge. Ties keep the survivor's value over a merged one, and the event's value over a stored one.
 */
function mergeTraits(
  survivor: ProfileState | null,
  merged: readonly ProfileState[],
  incoming: Record<string, unknown> | null,
  at: number,
): Record<string, TraitState> {
  const current: Record<string, TraitState> = survivor ? { ...survivor.traits } : {};
  const changed: Record<string, TraitState> = {};
  for (const profile of merged) {
    for (const key in profile.traits) {
      const trait = profile.traits[key]!;
      const existing = current[key];
      if (existing === undefined || trait.at > existing.at) {
        current[key] = trait;
        changed[key] = trait;
      }
    }
  }
  if (incoming) {
    for (const key in incoming) {
      const existing = current[key];
      if (existing === undefined || at >= existing.at) {
        const trait = { value: incoming[key], at };
        current[key] = trait;
        changed[key] = trait;
      }
    }
  }
  return changed;
}

function finish(decision: ResolutionDecision, trace: Trace | null): ResolutionDecision {
  // A copy, so the result recorded for duplicates (in the plan) carries no trace.
  if (trace) decision.result = { ...decision.result, trace: trace.steps };
  return decision;
}

function rejectedDecision(
  raw: unknown,
  input: ResolveInput,
  receivedAt: number,
  issues: ResolutionResult['error'],
): ResolutionDecision {
  const rawMessageId = typeof raw === 'object' && raw !== null ? (raw as { messageId?: unknown }).messageId : undefined;
  const messageId =
    typeof rawMessageId === 'string' && rawMessageId !== '' ? rawMessageId.slice(0, 100) : input.newId();
  const result: ResolutionResult = { ...emptyResult(messageId), outcome: 'rejected', error: issues };
  return { result, plan: null, unrecognizedExternalIdTypes: [], event: null, timestamp: receivedAt };
}

/**
 * Decides how an event resolves (SPEC §5–7) without writing anything: reads the store, returns the
 * result and the plan to apply. Invalid events come back as outcome `rejected`, never as a throw.
 */
export async function planResolution(input: ResolveInput): Promise<ResolutionDecision> {
  const receivedAt = input.now();
  const parsed = parseEvent(input.event, receivedAt);
  if (!parsed.ok) {
    const trace = input.trace ? createTrace() : null;
    if (trace) traceRejected(trace, parsed.issues);
    const message = parsed.issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    const error = { code: 'validation_failed' as const, message: `Invalid event: ${message}`, issues: parsed.issues };
    return finish(rejectedDecision(input.event, input, receivedAt, error), trace);
  }
  return planParsedResolution({ ...input, event: parsed.event, receivedAt });
}

/** `planResolution` for an event already validated with `parseEvent`. */
export async function planParsedResolution(input: ResolveParsedInput): Promise<ResolutionDecision> {
  const { event, store, receivedAt } = input;
  const settings = compileSettings(input.settings);
  const trace = input.trace ? createTrace() : null;
  const at = eventTime(event, receivedAt);
  const messageId = event.messageId ?? input.newId();

  if (event.messageId !== undefined) {
    const first = await store.findMessage(messageId);
    if (first) {
      if (trace) traceDuplicate(trace, messageId);
      const { trace: _firstTrace, ...firstResult } = first;
      return finish(
        {
          result: { ...firstResult, outcome: 'duplicate' },
          plan: null,
          unrecognizedExternalIdTypes: [],
          event,
          timestamp: at,
        },
        trace,
      );
    }
  }

  const prepared = prepareCandidates(settings, event, trace);
  const dropped: DroppedIdentifier[] = prepared.dropped;
  const candidates = prepared.candidates;
  const decision: ResolutionDecision = {
    result: { ...emptyResult(messageId), droppedIdentifiers: dropped },
    plan: null,
    unrecognizedExternalIdTypes: prepared.unrecognizedTypes,
    event,
    timestamp: at,
  };
  if (trace) traceCandidates(trace, candidates);

  // One read for every candidate: demotion only shrinks C, so later passes filter this answer.
  // Candidates are { key, value } pairs already: no copies for the store.
  const holders = candidates.length === 0 ? [] : await store.findProfilesByValues(candidates);
  const holderOf = new Map<string, ProfileState>();
  for (const profile of holders) {
    for (const identifier of profile.identifiers) {
      for (const candidate of candidates) {
        if (candidate.value === identifier.value && candidate.key === identifier.key)
          holderOf.set(candidate.id, profile);
      }
    }
  }

  // The demotion loop of SPEC §7 steps 1–4.
  let matched: ProfileState[] = [];
  let newValues: Candidate[] = [];
  for (;;) {
    if (trace) trace.attempt++;
    if (candidates.length === 0) {
      if (trace) traceUnresolved(trace);
      decision.plan = { message: { messageId, result: decision.result }, profile: null };
      return finish(decision, trace);
    }
    matched = [];
    newValues = [];
    for (const candidate of candidates) {
      const holder = holderOf.get(candidate.id);
      if (holder === undefined) newValues.push(candidate);
      else if (!matched.includes(holder)) matched.push(holder);
    }
    if (matched.length > 1) matched.sort(olderFirst);
    if (trace) {
      traceMatched(
        trace,
        matched.map((profile) => ({
          profile,
          values: candidates
            .filter((candidate) => holderOf.get(candidate.id) === profile)
            .map((candidate) => describeValue(candidate.key, candidate.value)),
        })),
        newValues.map((candidate) => describeValue(candidate.key, candidate.value)),
      );
    }
    const failure = checkWouldBeProfile(settings, matched, newValues, at, trace !== null);
    if (failure === null) break;
    const demoted = candidates.pop()!;
    dropped.push({ key: demoted.key, value: demoted.value, reason: failure.reason });
    if (trace) {
      traceCheckFailed(trace, failure.message ?? '');
      traceDemoted(trace, demoted.key, demoted.value, failure.reason, candidates.length);
    }
  }

  // SPEC §7 step 5: create, match or merge.
  const survivor = matched[0] ?? null;
  const merged = matched.slice(1);
  const profileId = survivor ? survivor.id : input.newId();
  const addIdentifiers: StoredIdentifier[] = newValues.map((candidate) => ({
    key: candidate.key,
    value: candidate.value,
    firstSeenAt: at,
  }));
  let mergedFrom: readonly string[] = survivor ? survivor.mergedFrom : [];
  let mergeCount = survivor ? survivor.mergeCount : 0;
  if (merged.length > 0) {
    const all = [...mergedFrom];
    for (const profile of merged) {
      all.push(profile.id, ...profile.mergedFrom);
      mergeCount += profile.mergeCount + 1;
    }
    mergedFrom = all;
  }
  const setTraits = mergeTraits(survivor, merged, eventTraits(event), at);
  const write: ProfileWrite = {
    profileId,
    create: survivor ? null : { createdAt: at },
    mergeProfileIds: merged.map((profile) => profile.id),
    addIdentifiers,
    setTraits,
    mergedFrom,
    mergeCount,
    updatedAt: receivedAt,
  };

  const result = decision.result;
  result.outcome = survivor === null ? 'created' : merged.length > 0 ? 'merged' : 'matched';
  result.profileId = profileId;
  result.mergedProfileIds = write.mergeProfileIds.slice();
  result.addedIdentifiers = newValues.map((candidate) => ({ key: candidate.key, value: candidate.value }));
  if (trace) {
    const added = newValues.map((candidate) => describeValue(candidate.key, candidate.value));
    if (survivor === null) traceCreated(trace, profileId, added, at);
    else {
      if (merged.length > 0) traceMerged(trace, survivor, merged);
      traceAdded(trace, profileId, added, at);
    }
    traceTraits(trace, profileId, Object.keys(setTraits));
  }
  decision.plan = { message: { messageId, result }, profile: write };
  return finish(decision, trace);
}

/** Resolves an event and writes the decision to the store (SPEC §7). */
export async function resolveEvent(input: ResolveInput): Promise<ResolutionResult> {
  const decision = await planResolution(input);
  if (decision.plan) await input.store.apply(decision.plan);
  return decision.result;
}

/** `resolveEvent` for an event already validated with `parseEvent`. */
export async function resolveParsedEvent(input: ResolveParsedInput): Promise<ResolutionResult> {
  const decision = await planParsedResolution(input);
  if (decision.plan) await input.store.apply(decision.plan);
  return decision.result;
}

/**
 * Dry-runs an event (`POST …/events/preview`): the same decision with a trace, and nothing written.
 * The store is only read, so the server may pass a read-only view.
 */
export async function previewEvent(input: ResolveInput): Promise<ResolutionResult> {
  const decision = await planResolution({ ...input, trace: true });
  return decision.result;
}
