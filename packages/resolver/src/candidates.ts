import type { DroppedIdentifier, Event, IdentifierValue } from '@idr/contracts';
import { findBlockedMatch } from './blocked.ts';
import { type RawValueSink, readExternalIds, readIdentifier } from './extract.ts';
import { describeRawValue, normalizeText } from './normalize.ts';
import type { CompiledIdentifier, CompiledSettings } from './settings.ts';
import { type Trace, traceBlocked, traceEmpty, traceExtracted, traceInvalid } from './trace.ts';

/**
 * One usable identifier value of the event (the set C of SPEC §7): just the key and the value, so
 * that the values a resolution adds are these very objects in its result and its plan.
 */
export type Candidate = IdentifierValue;

/** C, in priority order then order of appearance, and what was dropped on the way. */
export interface PreparedCandidates {
  candidates: Candidate[];
  dropped: DroppedIdentifier[];
  unrecognizedTypes: string[];
}

/**
 * The one empty list that results share when they have nothing to list (most events drop, add and
 * merge nothing). Results are kept (a duplicate answers its first result), so this spares several
 * long-lived arrays per event. Frozen: code that tried to add to it would throw, not corrupt others.
 * Hot loops walk lists that may be NOTHING by index: for…of over a frozen array goes through the
 * generic iterator protocol (an object per step) instead of the fast path.
 */
export const NOTHING: never[] = Object.freeze([]) as never[];

/** The map key of one identifier value (`key + "\0" + value`). */
export function valueId(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** `dropped` with one more value: a new list in place of `NOTHING`. */
export function withDropped(dropped: DroppedIdentifier[], value: DroppedIdentifier): DroppedIdentifier[] {
  if (dropped === NOTHING) return [value];
  dropped.push(value);
  return dropped;
}

function pushDropped(
  dropped: DroppedIdentifier[],
  key: string,
  value: string,
  reason: 'invalid' | 'blocked',
): DroppedIdentifier[] {
  // The same bad value read from two places is reported once.
  for (let i = 0; i < dropped.length; i++) {
    const existing = dropped[i]!;
    if (existing.key === key && existing.value === value && existing.reason === reason) return dropped;
  }
  return withDropped(dropped, { key, value, reason });
}

/**
 * Normalizes, blocks and de-duplicates each raw value as extraction reads it, in reading order
 * (priority, then order of appearance): no intermediate list of raw values.
 */
class Preparer implements RawValueSink {
  /**
   * C so far: `scratch[0..count)`. The scratch array is reused from event to event (preparation is
   * synchronous) and copied out at the end at its exact size, instead of growing a fresh array.
   */
  private readonly scratch: Candidate[] = [];
  private count = 0;
  dropped: DroppedIdentifier[] = NOTHING;
  private defaultCountry = '';
  private trace: Trace | null = null;

  start(defaultCountry: string, trace: Trace | null): void {
    this.count = 0;
    this.dropped = NOTHING;
    this.defaultCountry = defaultCountry;
    this.trace = trace;
  }

  /** The candidates, in a new array of their own. */
  finish(): Candidate[] {
    const candidates = this.scratch.slice(0, this.count);
    this.trace = null;
    return candidates;
  }

  take(identifier: CompiledIdentifier, raw: unknown, source: string): void {
    // null and undefined mean "not sent", not "invalid".
    if (raw === undefined || raw === null) return;
    const trace = this.trace;
    if (trace) traceExtracted(trace, identifier.key, raw, source);
    const text = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;
    const value = text === null ? null : normalizeText(identifier.normalization, text, this.defaultCountry);
    if (value === '') {
      if (trace) traceEmpty(trace, identifier.key, source);
      return;
    }
    if (value === null) {
      const described = describeRawValue(raw);
      if (trace) traceInvalid(trace, identifier.key, described, raw, identifier.normalization, source);
      this.dropped = pushDropped(this.dropped, identifier.key, described, 'invalid');
      return;
    }
    if (identifier.hasBlocked) {
      const blocked = findBlockedMatch(identifier, value);
      if (blocked) {
        if (trace) traceBlocked(trace, identifier.key, value, blocked);
        this.dropped = pushDropped(this.dropped, identifier.key, value, 'blocked');
        return;
      }
    }
    // Candidates come in rank order, so a duplicate can only sit among the last ones, of the same identifier.
    const scratch = this.scratch;
    for (let i = this.count - 1; i >= 0; i--) {
      const candidate = scratch[i]!;
      if (candidate.key !== identifier.key) break;
      if (candidate.value === value) return;
    }
    scratch[this.count++] = { key: identifier.key, value };
  }
}

const preparer = new Preparer();

/** Extraction, normalization, blocking and de-duplication: everything before SPEC §7 step 1. */
export function prepareCandidates(settings: CompiledSettings, event: Event, trace: Trace | null): PreparedCandidates {
  const unrecognizedTypes: string[] = event.context?.externalIds ? [] : NOTHING;
  const external = readExternalIds(settings, event, unrecognizedTypes);
  preparer.start(settings.defaultCountry, trace);
  for (const identifier of settings.identifiers) {
    readIdentifier(event, identifier, preparer);
    if (external) for (const entry of external[identifier.rank]!) preparer.take(identifier, entry.raw, entry.source);
  }
  return { candidates: preparer.finish(), dropped: preparer.dropped, unrecognizedTypes };
}
