import type { Event, IdentifierValue, Issue, ResolutionResult } from '@idr/contracts';
import { type Candidate, NOTHING, type PreparedCandidates, prepareCandidates, withDropped } from './candidates.ts';
import { countInWindow, MAX_MERGE_COUNT, MAX_PROFILE_VALUES } from './limits.ts';
import { type CompiledSettings, compileSettings, type ResolverSettings } from './settings.ts';
import type {
  ProfileState,
  ProfileWrite,
  ResolutionPlan,
  ResolverStore,
  SyncResolverStore,
  TraitState,
} from './store.ts';
import {
  createTrace,
  describeValue,
  limitCheckFailedMessage,
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
  traceUnrecognizedType,
  traceUnresolved,
} from './trace.ts';
import { parseEvent } from './validate.ts';

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
  /**
   * Whether to explain each step in `result.trace` (costs string building); `'dry-run'` words the
   * writes as what would happen (previews).
   */
  trace?: boolean | 'dry-run';
}

/** The same input for an event that was already validated with `parseEvent` (skips zod on the hot path). */
export interface ResolveParsedInput extends Omit<ResolveInput, 'event'> {
  event: Event;
  /** The time the event was received (epoch ms), the default timestamp. */
  receivedAt: number;
  /** The event's effective timestamp (epoch ms), as `parseEvent` returned it: not read again. */
  at: number;
}

/** What the resolver decided for one event, before anything is written. */
export interface ResolutionDecision {
  result: ResolutionResult;
  /** What to write; `null` when nothing is written (rejected, duplicate, or unresolved without a message id of its own). */
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

/** Sorts a few profiles oldest first, in place: a stable insertion sort (`Array#sort` allocates). */
function sortOlderFirst(profiles: ProfileState[]): void {
  for (let i = 1; i < profiles.length; i++) {
    const profile = profiles[i]!;
    let j = i - 1;
    while (j >= 0 && olderFirst(profiles[j]!, profile) > 0) {
      profiles[j + 1] = profiles[j]!;
      j--;
    }
    profiles[j + 1] = profile;
  }
}

// Shared empty lists, only ever read (never handed out in a result or a plan that may be kept).
const NO_PROFILES: ProfileState[] = [];
/** The traits a write changes when it changes none; frozen, as it is shared by every such plan. */
const NO_TRAITS: Record<string, TraitState> = Object.freeze({});

function timesOf(profile: ProfileState, key: string): number[] {
  const times: number[] = [];
  for (const identifier of profile.identifiers) if (identifier.key === key) times.push(identifier.firstSeenAt);
  return times;
}

/** The first-seen times of a key in F: the matched profiles' values, then the new values (at `at`). */
function timesInF(
  matched: readonly ProfileState[],
  newValues: readonly Candidate[],
  key: string,
  at: number,
): number[] {
  const times: number[] = [];
  for (const profile of matched) {
    for (const held of profile.identifiers) if (held.key === key) times.push(held.firstSeenAt);
  }
  for (let i = 0; i < newValues.length; i++) if (newValues[i]!.key === key) times.push(at);
  return times;
}

/**
 * The values of a key in F that a limit's window ending at `at` may count (first seen after
 * `windowStart`; later ones included), for the trace: those the matched profiles hold, and the new ones.
 */
function valuesThatCount(
  matched: readonly ProfileState[],
  newValues: readonly Candidate[],
  key: string,
  windowStart: number,
): { heldValues: string[]; newValues: string[] } {
  const heldValues: string[] = [];
  for (const profile of matched) {
    for (const held of profile.identifiers) {
      if (held.key === key && held.firstSeenAt > windowStart) heldValues.push(held.value);
    }
  }
  return {
    heldValues,
    newValues: newValues.filter((candidate) => candidate.key === key).map((candidate) => candidate.value),
  };
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
  // A key F does not hold counts 0 and cannot fail, so with a merge every identifier is checked.
  const merging = matched.length > 1;
  for (const identifier of settings.identifiers) {
    const key = identifier.key;
    let added = 0;
    // Indexed: `newValues` may be the frozen NOTHING, which for…of would walk through an iterator object.
    for (let i = 0; i < newValues.length; i++) if (newValues[i]!.key === key) added++;
    if (added === 0 && !merging) continue;
    // Count F's values of the key, and those in the window ending at `at`, without building lists.
    const windowMs = identifier.windowMs;
    const windowStart = windowMs === null ? 0 : at - windowMs;
    let total = added;
    let inWindow = windowMs === null || at > windowStart ? added : 0;
    let later = false;
    for (const profile of matched) {
      for (const held of profile.identifiers) {
        if (held.key !== key) continue;
        total++;
        if (held.firstSeenAt > at) later = true;
        else if (held.firstSeenAt > windowStart) inWindow++;
      }
    }
    if (total === 0 || total <= identifier.limitCount) continue;
    // Out-of-order values (first seen after `at`) need the general count over every window.
    const count =
      windowMs === null ? total : later ? countInWindow(timesInF(matched, newValues, key, at), at, windowMs) : inWindow;
    if (count <= identifier.limitCount) continue;
    // An excess a profile already holds (a limit tightened later) is kept but may not grow.
    let held = 0;
    for (const profile of matched)
      held = Math.max(held, countInWindow(timesOf(profile, identifier.key), at, identifier.windowMs));
    if (count <= held) continue;
    return {
      reason: 'limit',
      message: explain
        ? limitCheckFailedMessage({
            key,
            limitCount: identifier.limitCount,
            windowDays: identifier.windowDays,
            windowName: identifier.windowName,
            count,
            ...valuesThatCount(matched, newValues, key, windowStart),
            alreadyHeld: held,
          })
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
  // With nothing added and nothing merged, F is the profile as it stands, which the cap already held.
  if (newValues.length === 0 && matched.length <= 1) return null;
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

/**
 * Traits of the event: `context.traits`, overridden by `traits` (the identify call's own traits).
 * With one of the two, that object itself (read by its own keys, never written).
 */
function eventTraits(event: Event): Record<string, unknown> | null {
  const contextTraits = event.context?.traits;
  const traits = event.traits;
  if (!contextTraits) return traits ?? null;
  if (!traits) return contextTraits;
  return { ...contextTraits, ...traits };
}

/**
 * `mergeTraits` on a copy of the survivor's traits, for any key however odd (`constructor`,
 * `toString`…): the copy has no prototype, so a key it lacks reads as absent, never as an
 * inherited member.
 */
function mergeTraitsCopying(
  survivor: ProfileState | null,
  merged: readonly ProfileState[],
  incoming: Record<string, unknown> | null,
  at: number,
): Record<string, TraitState> {
  const current: Record<string, TraitState> = Object.assign(Object.create(null), survivor?.traits);
  const changed: Record<string, TraitState> = {};
  const change = (key: string, trait: TraitState) => {
    current[key] = trait;
    // Defined, not assigned: an own property even for a key like `__proto__`.
    Object.defineProperty(changed, key, { value: trait, enumerable: true, writable: true, configurable: true });
  };
  for (const profile of merged) {
    for (const key of Object.keys(profile.traits)) {
      const trait = profile.traits[key]!;
      const existing = current[key];
      if (existing === undefined || trait.at > existing.at) change(key, trait);
    }
  }
  if (incoming) {
    for (const key of Object.keys(incoming)) {
      const existing = current[key];
      if (existing === undefined || at >= existing.at) change(key, { value: incoming[key], at });
    }
  }
  return changed;
}

/**
 * `mergeTraitsCopying` without copying the survivor's traits: the current value of a key is the
 * changed one, else the survivor's own. Keys that `Object.prototype` knows (`constructor`,
 * `__proto__`…) behave oddly on plain objects, so meeting one returns `null` and the caller falls
 * back to the copying version, which keeps exactly the same behaviour.
 */
function mergeTraitsInPlace(
  survivor: ProfileState | null,
  merged: readonly ProfileState[],
  incoming: Record<string, unknown> | null,
  at: number,
): Record<string, TraitState> | null {
  // Nothing to merge and no traits sent (most page views and tracks): nothing changes.
  if (merged.length === 0 && incoming === null) return NO_TRAITS;
  const base = survivor ? survivor.traits : null;
  const changed: Record<string, TraitState> = {};
  for (const profile of merged) {
    const traits = profile.traits;
    for (const key in traits) {
      if (key in Object.prototype) return null;
      const trait = traits[key]!;
      const existing = changed[key] ?? (base !== null && Object.hasOwn(base, key) ? base[key] : undefined);
      if (existing === undefined || trait.at > existing.at) changed[key] = trait;
    }
  }
  if (incoming) {
    for (const key in incoming) {
      if (!Object.hasOwn(incoming, key)) continue;
      if (key in Object.prototype) return null;
      const existing = changed[key] ?? (base !== null && Object.hasOwn(base, key) ? base[key] : undefined);
      if (existing === undefined || at >= existing.at) changed[key] = { value: incoming[key], at };
    }
  }
  return changed;
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
  return mergeTraitsInPlace(survivor, merged, incoming, at) ?? mergeTraitsCopying(survivor, merged, incoming, at);
}

function finish(decision: ResolutionDecision, trace: Trace | null): ResolutionDecision {
  // A copy, so the result recorded for duplicates (in the plan) carries no trace.
  if (trace) decision.result = { ...decision.result, trace: trace.steps };
  return decision;
}

function rejectedDecision(
  raw: unknown,
  input: Pick<ResolveInput, 'newId'>,
  receivedAt: number,
  issues: ResolutionResult['error'],
): ResolutionDecision {
  const rawMessageId = typeof raw === 'object' && raw !== null ? (raw as { messageId?: unknown }).messageId : undefined;
  const messageId =
    typeof rawMessageId === 'string' && rawMessageId !== '' ? rawMessageId.slice(0, 100) : input.newId();
  const result: ResolutionResult = { ...emptyResult(messageId), outcome: 'rejected', error: issues };
  return { result, plan: null, unrecognizedExternalIdTypes: [], event: null, timestamp: receivedAt };
}

/** The decision for an invalid event: outcome `rejected`, nothing written. */
function invalidDecision(
  input: Pick<ResolveInput, 'event' | 'newId' | 'trace'>,
  receivedAt: number,
  issues: Issue[],
): ResolutionDecision {
  const trace = input.trace ? createTrace(input.trace === 'dry-run') : null;
  if (trace) traceRejected(trace, issues);
  const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  const error = { code: 'validation_failed' as const, message: `Invalid event: ${message}`, issues };
  return finish(rejectedDecision(input.event, input, receivedAt, error), trace);
}

/** What planning needs of its input once the event is valid. */
type PlanInput = Pick<ResolveInput, 'settings' | 'newId' | 'trace'>;

/** The state of one resolution between its store reads. */
interface Planning {
  input: PlanInput;
  settings: CompiledSettings;
  trace: Trace | null;
  event: Event;
  receivedAt: number;
  at: number;
  messageId: string;
}

function startPlanning(input: PlanInput, event: Event, receivedAt: number, at: number): Planning {
  return {
    input,
    settings: compileSettings(input.settings),
    trace: input.trace ? createTrace(input.trace === 'dry-run') : null,
    event,
    receivedAt,
    at,
    messageId: event.messageId ?? input.newId(),
  };
}

/** SPEC §7.7: a repeated message id answers its first result, with outcome `duplicate`. */
function duplicateDecision(planning: Planning, first: ResolutionResult): ResolutionDecision {
  const { trace, messageId, event, at } = planning;
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

/** Extraction, normalization and blocking (SPEC §5–6), traced. */
function candidatesOf(planning: Planning): PreparedCandidates {
  const prepared = prepareCandidates(planning.settings, planning.event, planning.trace);
  if (planning.trace) {
    for (const type of prepared.unrecognizedTypes) traceUnrecognizedType(planning.trace, type);
    traceCandidates(planning.trace, prepared.candidates);
  }
  return prepared;
}

/** The decision for a valid event, once its result and plan are known. */
function decided(
  planning: Planning,
  prepared: PreparedCandidates,
  result: ResolutionResult,
  plan: ResolutionPlan | null,
): ResolutionDecision {
  const { event, at, trace } = planning;
  return finish({ result, plan, unrecognizedExternalIdTypes: prepared.unrecognizedTypes, event, timestamp: at }, trace);
}

/**
 * SPEC §7 steps 1–5, given C and the live profile holding each value of C (`holders[i]` holds
 * `candidates[i]`, read once: demotion only shrinks C, so later passes filter this answer).
 */
function decide(
  planning: Planning,
  prepared: PreparedCandidates,
  holders: readonly (ProfileState | undefined)[],
): ResolutionDecision {
  const { settings, trace, event, at, messageId, receivedAt } = planning;
  const { candidates } = prepared;
  let dropped = prepared.dropped;
  // Results are built once, with their final fields, where the outcome is known (never filled in
  // later): results are kept (a duplicate answers its first result), and V8 may allocate such
  // long-lived objects in the old generation, where every later write of a young value costs a
  // write barrier and a remembered-set entry that each young collection must walk (about −7 % on
  // the benchmark's replay, docs/benchmarks.md).
  // The demotion loop of SPEC §7 steps 1–4. Arrays are built at their final size: a pushed-to
  // empty array would allocate room for 17 elements.
  let matched: ProfileState[] = NO_PROFILES;
  let newValues: Candidate[] = NOTHING;
  for (;;) {
    if (trace) trace.attempt++;
    if (candidates.length === 0) {
      // SPEC §7 step 1 writes no profile; §7.7 still processes the message id once, so a message
      // id the sender chose is recorded (a generated one can never come again).
      const result: ResolutionResult = {
        messageId,
        outcome: 'unresolved',
        profileId: null,
        mergedProfileIds: NOTHING,
        addedIdentifiers: NOTHING,
        droppedIdentifiers: dropped,
      };
      if (trace) traceUnresolved(trace);
      const plan = event.messageId != null ? { message: { messageId, result }, profile: null } : null;
      return decided(planning, prepared, result, plan);
    }
    matched = NO_PROFILES;
    let newCount = 0;
    for (let i = 0; i < candidates.length; i++) {
      const holder = holders[i];
      if (holder === undefined) newCount++;
      else if (matched === NO_PROFILES) matched = [holder];
      else if (!matched.includes(holder)) matched.push(holder);
    }
    newValues = newCount === 0 ? NOTHING : new Array<Candidate>(newCount);
    for (let i = 0, n = 0; n < newCount; i++) if (holders[i] === undefined) newValues[n++] = candidates[i]!;
    if (matched.length > 1) sortOlderFirst(matched);
    if (trace) {
      traceMatched(
        trace,
        matched.map((profile) => ({
          profile,
          values: candidates
            .filter((_candidate, i) => holders[i] === profile)
            .map((candidate) => describeValue(candidate.key, candidate.value)),
        })),
        newValues.map((candidate) => describeValue(candidate.key, candidate.value)),
      );
    }
    const failure = checkWouldBeProfile(settings, matched, newValues, at, trace !== null);
    if (failure === null) break;
    const demoted = candidates.pop()!;
    dropped = withDropped(dropped, { key: demoted.key, value: demoted.value, reason: failure.reason });
    if (trace) {
      traceCheckFailed(trace, failure.message ?? '');
      traceDemoted(trace, demoted.key, demoted.value, failure.reason, candidates.length);
    }
  }

  // SPEC §7 step 5: create, match or merge.
  const survivor = matched[0] ?? null;
  const profileId = survivor ? survivor.id : planning.input.newId();
  // One list for the result and the plan (the store reads it, never keeps or changes it): the
  // candidates themselves, which are `{ key, value }` pairs built for this event alone.
  const addedIdentifiers: IdentifierValue[] = newValues;
  let mergedFrom: readonly string[] = survivor ? survivor.mergedFrom : [];
  let mergeCount = survivor ? survivor.mergeCount : 0;
  const merged = matched.length > 1 ? matched.slice(1) : NO_PROFILES;
  const mergeProfileIds = merged.length === 0 ? NOTHING : merged.map((profile) => profile.id);
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
    mergeProfileIds,
    addIdentifiers: addedIdentifiers,
    addedAt: at,
    setTraits,
    mergedFrom,
    mergeCount,
    updatedAt: receivedAt,
  };

  const result: ResolutionResult = {
    messageId,
    outcome: survivor === null ? 'created' : merged.length > 0 ? 'merged' : 'matched',
    profileId,
    mergedProfileIds: mergeProfileIds,
    addedIdentifiers,
    droppedIdentifiers: dropped,
  };
  if (trace) {
    const added = newValues.map((candidate) => describeValue(candidate.key, candidate.value));
    if (survivor === null) traceCreated(trace, profileId, added, at);
    else {
      if (merged.length > 0) traceMerged(trace, survivor, merged);
      traceAdded(trace, profileId, added, at, merged.length > 0);
    }
    // A dry run creates nothing, so the new profile has no id to show yet.
    traceTraits(trace, survivor === null && trace.dryRun ? null : profileId, Object.keys(setTraits));
  }
  return decided(planning, prepared, result, { message: { messageId, result }, profile: write });
}

/** Plans a valid event on a store read synchronously (in memory): no promise per store call. */
function planSync(
  input: PlanInput,
  event: Event,
  receivedAt: number,
  at: number,
  store: SyncResolverStore,
): ResolutionDecision {
  const planning = startPlanning(input, event, receivedAt, at);
  if (event.messageId != null) {
    const first = store.findMessage(planning.messageId);
    if (first) return duplicateDecision(planning, first);
  }
  const prepared = candidatesOf(planning);
  const candidates = prepared.candidates;
  const holders = new Array<ProfileState | undefined>(candidates.length);
  for (let i = 0; i < candidates.length; i++) holders[i] = store.holderOf(candidates[i]!.key, candidates[i]!.value);
  return decide(planning, prepared, holders);
}

/** Plans a valid event on the async store port (SQL): one read of the message, one of the holders. */
async function planAsync(
  input: PlanInput,
  event: Event,
  receivedAt: number,
  at: number,
  store: ResolverStore,
): Promise<ResolutionDecision> {
  const planning = startPlanning(input, event, receivedAt, at);
  if (event.messageId != null) {
    const first = await store.findMessage(planning.messageId);
    if (first) return duplicateDecision(planning, first);
  }
  const prepared = candidatesOf(planning);
  const candidates = prepared.candidates;
  // Candidates are { key, value } pairs already: no copies for the store.
  const profiles = candidates.length === 0 ? [] : await store.findProfilesByValues(candidates);
  const holders: (ProfileState | undefined)[] = new Array(candidates.length).fill(undefined);
  for (const profile of profiles) {
    for (const identifier of profile.identifiers) {
      for (let i = 0; i < candidates.length; i++) {
        const candidate = candidates[i]!;
        if (candidate.value === identifier.value && candidate.key === identifier.key) holders[i] = profile;
      }
    }
  }
  return decide(planning, prepared, holders);
}

/**
 * Decides how an event resolves (SPEC §5–7) without writing anything: reads the store, returns the
 * result and the plan to apply. Invalid events come back as outcome `rejected`, never as a throw.
 */
export async function planResolution(input: ResolveInput): Promise<ResolutionDecision> {
  const receivedAt = input.now();
  const parsed = parseEvent(input.event, receivedAt);
  if (!parsed.ok) return invalidDecision(input, receivedAt, parsed.issues);
  const sync = input.store.sync;
  return sync
    ? planSync(input, parsed.event, receivedAt, parsed.at, sync)
    : planAsync(input, parsed.event, receivedAt, parsed.at, input.store);
}

/** `planResolution` for an event already validated with `parseEvent`. */
export async function planParsedResolution(input: ResolveParsedInput): Promise<ResolutionDecision> {
  const sync = input.store.sync;
  return sync
    ? planSync(input, input.event, input.receivedAt, input.at, sync)
    : planAsync(input, input.event, input.receivedAt, input.at, input.store);
}

/** `ResolveInput` on a store read and written synchronously (the in-memory store's `sync` view). */
export interface ResolveSyncInput extends Omit<ResolveInput, 'store'> {
  store: SyncResolverStore;
}

/** `ResolveParsedInput` on a synchronous store. */
export interface ResolveParsedSyncInput extends Omit<ResolveParsedInput, 'store'> {
  store: SyncResolverStore;
}

/** Validates, decides and writes through a synchronous store: nothing awaited. */
function resolveOnSync(input: Omit<ResolveInput, 'store'>, store: SyncResolverStore): ResolutionResult {
  const receivedAt = input.now();
  const parsed = parseEvent(input.event, receivedAt);
  if (!parsed.ok) return invalidDecision(input, receivedAt, parsed.issues).result;
  return applyOnSync(planSync(input, parsed.event, receivedAt, parsed.at, store), store);
}

function applyOnSync(decision: ResolutionDecision, store: SyncResolverStore): ResolutionResult {
  if (decision.plan) store.apply(decision.plan);
  return decision.result;
}

/** Resolves an event and writes the decision to the store (SPEC §7). */
export async function resolveEvent(input: ResolveInput): Promise<ResolutionResult> {
  const sync = input.store.sync;
  // The in-memory store: decide and write without awaiting anything.
  if (sync) return resolveOnSync(input, sync);
  const decision = await planResolution(input);
  if (decision.plan) await input.store.apply(decision.plan);
  return decision.result;
}

/** `resolveEvent` for an event already validated with `parseEvent`. */
export async function resolveParsedEvent(input: ResolveParsedInput): Promise<ResolutionResult> {
  const sync = input.store.sync;
  if (sync) return applyOnSync(planSync(input, input.event, input.receivedAt, input.at, sync), sync);
  const decision = await planAsync(input, input.event, input.receivedAt, input.at, input.store);
  if (decision.plan) await input.store.apply(decision.plan);
  return decision.result;
}

/**
 * `resolveEvent` on a synchronous store, returning the result itself rather than a promise: for
 * in-memory callers that resolve many events in a row (replays, benchmarks), where awaiting each
 * already-settled result would cost more than an in-memory lookup.
 */
export function resolveEventSync(input: ResolveSyncInput): ResolutionResult {
  return resolveOnSync(input, input.store);
}

/** `resolveParsedEvent` on a synchronous store, returning the result itself. */
export function resolveParsedEventSync(input: ResolveParsedSyncInput): ResolutionResult {
  return applyOnSync(planSync(input, input.event, input.receivedAt, input.at, input.store), input.store);
}

/**
 * Dry-runs an event (`POST …/events/preview`): the same decision with a trace, and nothing written.
 * The store is only read, so the server may pass a read-only view.
 */
export async function previewEvent(input: ResolveInput): Promise<ResolutionResult> {
  const { result } = await planResolution({ ...input, trace: 'dry-run' });
  // A profile the preview would create does not exist: no id that would answer 404.
  return result.outcome === 'created' ? { ...result, profileId: null } : result;
}
