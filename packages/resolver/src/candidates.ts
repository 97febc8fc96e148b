import type { DroppedIdentifier, Event } from '@idr/contracts';
import { findBlockedMatch } from './blocked.ts';
import { extractCandidates } from './extract.ts';
import { describeRawValue, normalizeIdentifierValue } from './normalize.ts';
import type { CompiledIdentifier, CompiledSettings } from './settings.ts';
import { type Trace, traceBlocked, traceEmpty, traceExtracted, traceInvalid } from './trace.ts';

/** One usable identifier value of the event (the set C of SPEC §7). */
export interface Candidate {
  identifier: CompiledIdentifier;
  key: string;
  value: string;
  /** `key + "\0" + value`: identifier values are looked up by this. */
  id: string;
}

/** C, in priority order then order of appearance, and what was dropped on the way. */
export interface PreparedCandidates {
  candidates: Candidate[];
  dropped: DroppedIdentifier[];
  unrecognizedTypes: string[];
}

/** The map key of one identifier value. */
export function valueId(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function pushDropped(dropped: DroppedIdentifier[], entry: DroppedIdentifier): void {
  // The same bad value read from two places is reported once.
  for (const existing of dropped) {
    if (existing.key === entry.key && existing.value === entry.value && existing.reason === entry.reason) return;
  }
  dropped.push(entry);
}

/** Extraction, normalization, blocking and de-duplication: everything before SPEC §7 step 1. */
export function prepareCandidates(settings: CompiledSettings, event: Event, trace: Trace | null): PreparedCandidates {
  const extraction = extractCandidates(settings, event);
  const candidates: Candidate[] = [];
  const dropped: DroppedIdentifier[] = [];
  const seen = new Set<string>();
  for (const { identifier, raw, source } of extraction.candidates) {
    if (trace) traceExtracted(trace, identifier.key, raw, source);
    const text = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;
    const normalized =
      text === null
        ? ({ kind: 'invalid' } as const)
        : normalizeIdentifierValue(identifier.normalization, text, settings.defaultCountry);
    if (normalized.kind === 'empty') {
      if (trace) traceEmpty(trace, identifier.key, source);
      continue;
    }
    if (normalized.kind === 'invalid') {
      const value = describeRawValue(raw);
      if (trace) traceInvalid(trace, identifier.key, value, identifier.normalization, source);
      pushDropped(dropped, { key: identifier.key, value, reason: 'invalid' });
      continue;
    }
    const value = normalized.value;
    const blocked = findBlockedMatch(identifier, value);
    if (blocked) {
      if (trace) traceBlocked(trace, identifier.key, value, blocked);
      pushDropped(dropped, { key: identifier.key, value, reason: 'blocked' });
      continue;
    }
    const id = valueId(identifier.key, value);
    if (seen.has(id)) continue;
    seen.add(id);
    candidates.push({ identifier, key: identifier.key, value, id });
  }
  return { candidates, dropped, unrecognizedTypes: extraction.unrecognizedTypes };
}
