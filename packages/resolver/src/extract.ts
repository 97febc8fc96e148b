import type { Event } from '@idr/contracts';
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

type Bag = Record<string, unknown> | null | undefined;

function isPresent(value: unknown): boolean {
  // null and undefined mean "not sent", not "invalid".
  return value !== undefined && value !== null;
}

function deviceOf(event: Event): Exclude<NonNullable<Event['context']>['device'], null | undefined> | undefined {
  return event.context?.device ?? undefined;
}

function push(out: RawCandidate[], identifier: CompiledIdentifier, raw: unknown, source: string): void {
  if (isPresent(raw)) out.push({ identifier, raw, source });
}

function readBuiltIn(event: Event, identifier: CompiledIdentifier, out: RawCandidate[]): void {
  switch (identifier.key) {
    case 'user_id':
      push(out, identifier, event.userId, 'userId');
      return;
    case 'email':
      push(out, identifier, event.traits?.email, 'traits.email');
      push(out, identifier, event.context?.traits?.email, 'context.traits.email');
      push(out, identifier, event.properties?.email, 'properties.email');
      return;
    case 'anonymous_id':
      push(out, identifier, event.anonymousId, 'anonymousId');
      return;
    case 'group_id':
      push(out, identifier, event.groupId, 'groupId');
      return;
    case 'ga_client_id': {
      const ga = event.context?.integrations?.['Google Analytics'];
      if (typeof ga === 'object' && ga !== null) {
        push(
          out,
          identifier,
          (ga as Record<string, unknown>).clientId,
          'context.integrations["Google Analytics"].clientId',
        );
      }
      return;
    }
  }
  const dot = identifier.key.indexOf('.');
  if (dot < 0) return;
  const platform = identifier.key.slice(0, dot);
  if (platform !== 'ios' && platform !== 'android') return;
  const device = deviceOf(event);
  // SDKs spell the type "ios", "iOS" or "Android"; the platform is what matters.
  if (!device || typeof device.type !== 'string' || device.type.toLowerCase() !== platform) return;
  switch (identifier.key.slice(dot + 1)) {
    case 'id':
      push(out, identifier, device.id, 'context.device.id');
      return;
    case 'idfa':
      if (device.adTrackingEnabled === true)
        push(out, identifier, device.advertisingId, 'context.device.advertisingId');
      return;
    case 'push_token':
      push(out, identifier, device.token, 'context.device.token');
      return;
  }
}

function readCustom(event: Event, identifier: CompiledIdentifier, out: RawCandidate[]): void {
  const bags: Array<[Bag, string]> = [
    [event.traits, 'traits'],
    [event.context?.traits, 'context.traits'],
    [event.properties, 'properties'],
  ];
  for (const [bag, name] of bags) {
    if (!bag) continue;
    for (const spelling of identifier.sourceKeys) {
      const raw = Object.hasOwn(bag, spelling) ? bag[spelling] : undefined;
      if (isPresent(raw)) out.push({ identifier, raw, source: `${name}.${spelling}` });
    }
  }
}

/**
 * Reads every configured identifier from its places in an event (SPEC §5.1, §5.2) and from
 * `context.externalIds` (collection `users` or none). Values are raw: not yet normalized.
 */
export function extractCandidates(settings: CompiledSettings, event: Event): Extraction {
  const perIdentifier: RawCandidate[][] = settings.identifiers.map(() => []);
  for (const identifier of settings.identifiers) {
    const out = perIdentifier[identifier.rank]!;
    if (identifier.builtIn) readBuiltIn(event, identifier, out);
    else readCustom(event, identifier, out);
  }
  const unrecognizedTypes: string[] = [];
  const externalIds = event.context?.externalIds;
  if (externalIds) {
    for (let index = 0; index < externalIds.length; index++) {
      const entry = externalIds[index]!;
      if (entry.collection !== undefined && entry.collection !== null && entry.collection !== 'users') continue;
      const identifier = settings.byKey.get(entry.type);
      if (!identifier) {
        if (!unrecognizedTypes.includes(entry.type)) unrecognizedTypes.push(entry.type);
        continue;
      }
      if (isPresent(entry.id)) {
        perIdentifier[identifier.rank]!.push({ identifier, raw: entry.id, source: `context.externalIds[${index}]` });
      }
    }
  }
  return { candidates: perIdentifier.flat(), unrecognizedTypes };
}
