import { type Event, isExternalIdEntry } from '@idr/contracts';
import type { CompiledIdentifier, CompiledSettings } from './settings.ts';

/** A raw value read from an event for an identifier, and where it was read. */
export interface RawCandidate {
  identifier: CompiledIdentifier;
  raw: unknown;
  /** Where in the event the value was read, e.g. `traits.email`, for the trace. */
  source: string;
}

/** Raw candidates of an event in priority order, then order of appearance; plus unrecognised externalIds types. */
export interface Extraction {
  candidates: RawCandidate[];
  unrecognizedTypes: string[];
}

/** Receives each value read from an event: extraction collects them, candidate preparation processes them in place. */
export interface RawValueSink {
  /** `raw` may be `null`/`undefined` ("not sent"): the sink skips those. */
  take(identifier: CompiledIdentifier, raw: unknown, source: string): void;
}

type Bag = Record<string, unknown> | null | undefined;

/** Longest `context.externalIds` type listed among the unrecognised types seen. */
const MAX_EXTERNAL_ID_TYPE_LENGTH = 100;

function isPresent(value: unknown): boolean {
  // null and undefined mean "not sent", not "invalid".
  return value !== undefined && value !== null;
}

function readBuiltIn(event: Event, identifier: CompiledIdentifier, sink: RawValueSink): void {
  switch (identifier.key) {
    case 'user_id':
      sink.take(identifier, event.userId, 'userId');
      return;
    case 'email':
      sink.take(identifier, event.traits?.email, 'traits.email');
      sink.take(identifier, event.context?.traits?.email, 'context.traits.email');
      sink.take(identifier, event.properties?.email, 'properties.email');
      return;
    case 'anonymous_id':
      sink.take(identifier, event.anonymousId, 'anonymousId');
      return;
    case 'group_id':
      sink.take(identifier, event.groupId, 'groupId');
      return;
    case 'ga_client_id': {
      const ga = event.context?.integrations?.['Google Analytics'];
      if (typeof ga === 'object' && ga !== null) {
        sink.take(
          identifier,
          (ga as Record<string, unknown>).clientId,
          'context.integrations["Google Analytics"].clientId',
        );
      }
      return;
    }
  }
  const platform = identifier.platform;
  if (platform === null) return;
  const device = event.context?.device;
  // SDKs spell the type "ios", "iOS" or "Android"; the platform is what matters.
  if (!device || typeof device.type !== 'string' || device.type.toLowerCase() !== platform) return;
  switch (identifier.deviceField) {
    case 'id':
      sink.take(identifier, device.id, 'context.device.id');
      return;
    case 'idfa':
      if (device.adTrackingEnabled === true)
        sink.take(identifier, device.advertisingId, 'context.device.advertisingId');
      return;
    case 'push_token':
      sink.take(identifier, device.token, 'context.device.token');
      return;
  }
}

function readBag(bag: Bag, identifier: CompiledIdentifier, paths: readonly string[], sink: RawValueSink): void {
  if (!bag) return;
  const spellings = identifier.sourceKeys;
  // Indexes of the spellings the bag holds: usually one, so a list only when there are several.
  let first = -1;
  let several: number[] | null = null;
  for (let i = 0; i < spellings.length; i++) {
    if (!Object.hasOwn(bag, spellings[i]!)) continue;
    if (first < 0) first = i;
    else if (several === null) several = [first, i];
    else several.push(i);
  }
  if (first < 0) return;
  if (several === null) {
    sink.take(identifier, bag[spellings[first]!], paths[first]!);
    return;
  }
  // SPEC §7 orders C by order of appearance: the order of the bag's own keys, not of the settings.
  const keys = Object.keys(bag);
  several.sort((a, b) => keys.indexOf(spellings[a]!) - keys.indexOf(spellings[b]!));
  for (const i of several) sink.take(identifier, bag[spellings[i]!], paths[i]!);
}

function readCustom(event: Event, identifier: CompiledIdentifier, sink: RawValueSink): void {
  const paths = identifier.sourcePaths;
  readBag(event.traits, identifier, paths[0]!, sink);
  readBag(event.context?.traits, identifier, paths[1]!, sink);
  readBag(event.properties, identifier, paths[2]!, sink);
}

/** Reads one identifier from its places in the event (SPEC §5.1, §5.2), not `context.externalIds`. */
export function readIdentifier(event: Event, identifier: CompiledIdentifier, sink: RawValueSink): void {
  if (identifier.builtIn) readBuiltIn(event, identifier, sink);
  else readCustom(event, identifier, sink);
}

/**
 * The `context.externalIds` entries (collection `users` or none) of each identifier, by rank, in
 * array order; `null` when the event has none. Types that match no identifier go to `unrecognized`.
 */
export function readExternalIds(
  settings: CompiledSettings,
  event: Event,
  unrecognized: string[],
): RawCandidate[][] | null {
  const externalIds = event.context?.externalIds;
  if (!externalIds) return null;
  const byRank: RawCandidate[][] = settings.identifiers.map(() => []);
  for (let index = 0; index < externalIds.length; index++) {
    const entry = externalIds[index];
    if (!isExternalIdEntry(entry)) continue;
    if (entry.collection !== undefined && entry.collection !== null && entry.collection !== 'users') continue;
    const type = entry.type;
    // A type that is not a string names no identifier: the entry is ignored, like any unknown type.
    if (typeof type !== 'string') continue;
    const identifier = settings.byKey.get(type);
    if (!identifier) {
      // Listed for the console only if it could be a type at all (the bound the schema used to set).
      if (type !== '' && type.length <= MAX_EXTERNAL_ID_TYPE_LENGTH && !unrecognized.includes(type)) {
        unrecognized.push(type);
      }
      continue;
    }
    if (isPresent(entry.id)) {
      byRank[identifier.rank]!.push({ identifier, raw: entry.id, source: `context.externalIds[${index}]` });
    }
  }
  return byRank;
}

class Collector implements RawValueSink {
  readonly candidates: RawCandidate[] = [];
  take(identifier: CompiledIdentifier, raw: unknown, source: string): void {
    if (isPresent(raw)) this.candidates.push({ identifier, raw, source });
  }
}

/**
 * Reads every configured identifier from its places in an event (SPEC §5.1, §5.2) and from
 * `context.externalIds` (collection `users` or none). Values are raw: not yet normalized.
 */
export function extractCandidates(settings: CompiledSettings, event: Event): Extraction {
  const unrecognizedTypes: string[] = [];
  const external = readExternalIds(settings, event, unrecognizedTypes);
  const collector = new Collector();
  for (const identifier of settings.identifiers) {
    readIdentifier(event, identifier, collector);
    if (external) collector.candidates.push(...external[identifier.rank]!);
  }
  return { candidates: collector.candidates, unrecognizedTypes };
}
