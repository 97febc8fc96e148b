import { z } from 'zod';
import { type Issue, IssueSchema } from './errors.ts';
import { IdentifierKeySchema } from './identifiers.ts';
import { findUnstorableText, mayHoldUnstorableText, RESERVED_KEY, RESERVED_KEY_MESSAGE } from './storable-text.ts';
import { parseTimestamp } from './timestamp.ts';

/** Largest accepted event, measured as UTF-8 bytes of its JSON serialization (SPEC §5). */
export const MAX_EVENT_BYTES = 32 * 1024;

/** Most events accepted in one `{ batch }` request (SPEC §9). */
export const MAX_EVENT_BATCH_SIZE = 1000;

/**
 * Deepest nesting of objects and arrays in an event. The SPEC sets no bound, but an event nested
 * thousands of levels deep exhausts the stack of whatever serializes it later (storage, the
 * console); no Segment event comes near 100.
 */
export const MAX_EVENT_DEPTH = 100;

/** Longest accepted `messageId` (SPEC §5). */
export const MAX_MESSAGE_ID_LENGTH = 100;

/** How far past the received time an event timestamp may lie (SPEC §5). */
export const MAX_EVENT_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Segment event types the resolver accepts. */
export const EventTypeSchema = z.enum(['identify', 'track', 'page', 'screen', 'group', 'alias']);
export type EventType = z.infer<typeof EventTypeSchema>;

// Segment libraries send ids as strings, some server libraries as numbers; null means "not set".
const IdValueSchema = z.union([z.string(), z.number()]).nullable().optional();

/**
 * A field an identifier value is read from (`userId`, `anonymousId`, `groupId`, the device ids,
 * an `externalIds` id). Any JSON value is accepted: the resolver uses strings and finite numbers
 * and drops anything else as `invalid` (SPEC §5.2), which is no reason to refuse the whole event.
 */
const IdentifierFieldSchema = z
  .unknown()
  .optional()
  // What a client should send, for the OpenAPI document (`z.unknown()` alone would say nothing).
  .meta({
    type: ['string', 'number', 'null'],
    description:
      'An identifier value: a string, or a number (read as its decimal text). Other JSON values do not refuse ' +
      'the event: they are reported in droppedIdentifiers with reason "invalid".',
  });

/** A free-form map of traits or properties. */
export const TraitsSchema = z.record(z.string(), z.unknown());

/**
 * One `context.externalIds` entry; only entries with collection `users` (or none) are read. Its
 * `type`, `collection` and `encoding` may be anything: an entry whose type names no identifier
 * (missing, empty, not a string) is ignored (SPEC §5.2), which is no reason to refuse the event.
 */
export const ExternalIdSchema = z.looseObject({
  id: IdentifierFieldSchema,
  type: z
    .unknown()
    .optional()
    .meta({ type: 'string', description: 'The key of the identifier this id is a value of, e.g. "email" or "crm_id"' }),
  collection: z
    .unknown()
    .optional()
    .meta({ type: 'string', description: 'Only entries with collection "users", or none, are read' }),
  encoding: z.unknown().optional().meta({ type: 'string' }),
});
export type ExternalId = z.infer<typeof ExternalIdSchema>;

/**
 * How the OpenAPI document describes an `externalIds` entry: as `ExternalIdSchema`, though any
 * entry is accepted (one that is not an object names no identifier and is ignored).
 */
function externalIdEntryDocumentation(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(ExternalIdSchema, { io: 'input' });
  return schema;
}

/** Whether an `externalIds` entry is an object, the only kind that can name an identifier. */
export function isExternalIdEntry(entry: unknown): entry is ExternalId {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry);
}

/** `context.device`: where mobile ids, advertising ids and push tokens are read (SPEC §5.1). */
export const EventDeviceSchema = z.looseObject({
  id: IdentifierFieldSchema,
  // Conditions of the device identifiers: a type that is not a string matches no platform, and
  // only the boolean `true` enables the advertising id.
  type: z.unknown().optional().meta({
    type: 'string',
    description: '"ios" or "android" (any case): which platform\'s identifiers id, advertisingId and token are',
  }),
  advertisingId: IdentifierFieldSchema,
  adTrackingEnabled: z
    .unknown()
    .optional()
    .meta({ type: 'boolean', description: 'Only true lets advertisingId be read (ios.idfa, android.idfa)' }),
  token: IdentifierFieldSchema,
});

/** `context` of an event; unknown Segment context fields are kept as they are. */
export const EventContextSchema = z.looseObject({
  traits: TraitsSchema.nullable().optional(),
  device: EventDeviceSchema.nullable().optional(),
  // An entry that is not even an object names no identifier either: the resolver ignores it
  // (`isExternalIdEntry`), and the event is not refused for it.
  externalIds: z.array(z.unknown().meta(externalIdEntryDocumentation())).nullable().optional(),
  integrations: z.record(z.string(), z.unknown()).nullable().optional(),
});

const EventObjectSchema = z.looseObject({
  type: EventTypeSchema,
  // No bound of its own on the track name: the event's 32 KiB bound covers it (SPEC §5 sets none).
  event: z.string().nullable().optional(),
  // `null` means "not sent", as for the other optional fields: an id is generated.
  messageId: z
    .string()
    .min(1)
    .max(MAX_MESSAGE_ID_LENGTH)
    .nullable()
    .optional()
    .meta({
      description:
        'Processed once per space: an event repeating a messageId answers the first result with outcome "duplicate" ' +
        'and changes nothing. Generated when missing.',
    }),
  // `null` means "not sent", as for the other optional fields: the received time applies.
  timestamp: z
    .string()
    .refine((text) => !Number.isNaN(parseTimestamp(text)), {
      message: 'Use an ISO 8601 date, or date and time, e.g. 2024-04-01T09:30:00Z (a time without an offset is UTC)',
    })
    .nullable()
    .optional()
    .meta({
      description:
        'ISO 8601 date, or date and time (a time without an offset is UTC); not before 1970, at most 24 hours after ' +
        'the event is received. First-seen times and trait precedence use it. Defaults to the received time.',
    }),
  userId: IdentifierFieldSchema,
  anonymousId: IdentifierFieldSchema,
  groupId: IdentifierFieldSchema,
  previousId: IdValueSchema.meta({
    description:
      "An alias event's earlier id. Kept with the event, but no identifier is read from it (SPEC §5.1): an alias " +
      'does not merge profiles by itself; an event carrying both ids (userId and anonymousId) links them.',
  }),
  traits: TraitsSchema.nullable().optional(),
  properties: TraitsSchema.nullable().optional(),
  context: EventContextSchema.nullable().optional(),
});

function utf8Length(text: string): number {
  // Counting code units is enough to decide most events without walking them.
  if (text.length * 3 <= MAX_EVENT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > deepest) deepest = depth;
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
  return deepest;
}

const TOO_DEEP = `An event may nest objects and arrays at most ${MAX_EVENT_DEPTH} levels deep`;

/** The limits read off the event's JSON text: at most MAX_EVENT_BYTES, at most MAX_EVENT_DEPTH levels. */
function checkSerializedEvent(event: unknown, ctx: z.RefinementCtx): void {
  let text: string;
  try {
    text = JSON.stringify(event);
  } catch {
    // Nesting deep enough to exhaust the stack (or, from a caller in-process, a cycle).
    ctx.addIssue({ code: 'custom', path: [], message: TOO_DEEP });
    return;
  }
  if (utf8Length(text) > MAX_EVENT_BYTES) {
    ctx.addIssue({ code: 'custom', path: [], message: `An event may be at most ${MAX_EVENT_BYTES} bytes of JSON` });
  } else if (text.length > 2 * MAX_EVENT_DEPTH && jsonDepth(text) > MAX_EVENT_DEPTH) {
    // Only a text of more than 2 × MAX_EVENT_DEPTH characters can nest that deep: most events skip the scan.
    ctx.addIssue({ code: 'custom', path: [], message: TOO_DEEP });
  } else if (mayHoldUnstorableText(text)) {
    // The event is stored whole (its profile's events), and its values may become identifiers.
    const found = findUnstorableText(event);
    if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.message });
  }
}

function hasReservedKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, RESERVED_KEY);
}

function ownMember(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function issueAt(path: string): Issue {
  return { path, message: RESERVED_KEY_MESSAGE };
}

/**
 * Where a raw event has a `__proto__` key that parsing would drop: on itself, its traits, its
 * properties, its context, or the context's traits, device or integrations, the objects whose keys
 * zod reads one by one. Checked before the schema, which never sees such a key; deeper values are
 * kept as sent, `__proto__` keys included. On the hot path of every event: a few own-key checks.
 */
export function reservedKeyIssue(raw: unknown): Issue | null {
  if (typeof raw !== 'object' || raw === null) return null;
  if (Object.hasOwn(raw, RESERVED_KEY)) return issueAt(RESERVED_KEY);
  if (hasReservedKey(ownMember(raw, 'traits'))) return issueAt(`traits.${RESERVED_KEY}`);
  if (hasReservedKey(ownMember(raw, 'properties'))) return issueAt(`properties.${RESERVED_KEY}`);
  const context = ownMember(raw, 'context');
  if (typeof context !== 'object' || context === null) return null;
  if (Object.hasOwn(context, RESERVED_KEY)) return issueAt(`context.${RESERVED_KEY}`);
  if (hasReservedKey(ownMember(context, 'traits'))) return issueAt(`context.traits.${RESERVED_KEY}`);
  if (hasReservedKey(ownMember(context, 'device'))) return issueAt(`context.device.${RESERVED_KEY}`);
  if (hasReservedKey(ownMember(context, 'integrations'))) return issueAt(`context.integrations.${RESERVED_KEY}`);
  return null;
}

/**
 * A Segment-shaped event (SPEC §5) without the clock-dependent timestamp bound; use
 * `createEventSchema(receivedAt)` to validate incoming events.
 */
export const EventSchema = EventObjectSchema.superRefine(checkSerializedEvent).meta({
  description:
    `A Segment-shaped event: at most ${MAX_EVENT_BYTES} bytes of JSON (UTF-8) and ${MAX_EVENT_DEPTH} levels of nesting. ` +
    'Identifier values are read from the places SPEC §5.1 gives the built-in identifiers (userId; email in traits, ' +
    'context.traits and properties; anonymousId; groupId; context.integrations["Google Analytics"].clientId; ' +
    'context.device by platform), from context.externalIds (collection "users" or none) and, for custom ' +
    'identifiers, from their source keys in traits, context.traits and properties.',
});
export type Event = z.infer<typeof EventSchema>;

/**
 * The timestamp bound of SPEC §5 (not before 1970, at most 24 h after `receivedAt`, epoch ms):
 * the problem with a timestamp, or `null` when it is within bounds.
 */
export function eventTimestampIssue(timestamp: string, receivedAt: number): string | null {
  return eventTimeIssue(parseTimestamp(timestamp), receivedAt);
}

/** `eventTimestampIssue` for a timestamp already read with `parseTimestamp` (`NaN` if unreadable). */
export function eventTimeIssue(at: number, receivedAt: number): string | null {
  if (!(at >= 0)) return 'The timestamp may not be before 1970';
  if (at > receivedAt + MAX_EVENT_CLOCK_SKEW_MS) {
    return 'The timestamp may be at most 24 hours after the time the event is received';
  }
  return null;
}

/**
 * The event schema with the timestamp bound of SPEC §5 for events received at `receivedAt`.
 * Building a schema is costly: on a hot path parse with `EventSchema` and call `eventTimestampIssue`.
 */
export function createEventSchema(receivedAt: Date | number) {
  const received = typeof receivedAt === 'number' ? receivedAt : receivedAt.getTime();
  return EventSchema.superRefine((event, ctx) => {
    if (event.timestamp === undefined || event.timestamp === null) return;
    const issue = eventTimestampIssue(event.timestamp, received);
    if (issue) ctx.addIssue({ code: 'custom', path: ['timestamp'], message: issue });
  });
}

/**
 * Body of `POST …/events` with several events. Items are checked one by one so that an invalid
 * event is answered with outcome `rejected` without failing the others (SPEC §9). Strict: a body
 * that is one event *or* a batch (SPEC §9) cannot be both, so fields beside `batch` are refused
 * rather than dropped unread.
 */
export const EventBatchSchema = z.strictObject({
  batch: z.array(z.unknown()).max(MAX_EVENT_BATCH_SIZE, `Send at most ${MAX_EVENT_BATCH_SIZE} events in one batch`),
});
export type EventBatch = z.infer<typeof EventBatchSchema>;

/** What happened to an event (SPEC §9). */
export const ResolutionOutcomeSchema = z.enum(['created', 'matched', 'merged', 'unresolved', 'duplicate', 'rejected']);
export type ResolutionOutcome = z.infer<typeof ResolutionOutcomeSchema>;

/** Why a candidate identifier value was not used (SPEC §6, §7). */
export const DropReasonSchema = z.enum(['blocked', 'invalid', 'limit', 'merge_limit', 'mapping_limit']);
export type DropReason = z.infer<typeof DropReasonSchema>;

/** One identifier value: key and normalized value. */
export const IdentifierValueSchema = z.object({ key: IdentifierKeySchema, value: z.string() });
export type IdentifierValue = z.infer<typeof IdentifierValueSchema>;

/** A value of the event that was not used, and why; `value` is the raw value (trimmed, ≤255) for `invalid`. */
export const DroppedIdentifierSchema = z.object({
  key: IdentifierKeySchema,
  value: z.string(),
  reason: DropReasonSchema,
});
export type DroppedIdentifier = z.infer<typeof DroppedIdentifierSchema>;

/** Why an event was rejected. */
export const ResolutionErrorSchema = z.object({
  code: z.literal('validation_failed'),
  message: z.string(),
  issues: z.array(IssueSchema),
});
export type ResolutionError = z.infer<typeof ResolutionErrorSchema>;

/** Kinds of step the resolver reports in a trace. */
export const TraceStepKindSchema = z.enum([
  'rejected',
  'duplicate',
  'extracted',
  'dropped',
  'candidates',
  'unresolved',
  'matched',
  'check_failed',
  'demoted',
  'created',
  'added',
  'merged',
  'traits',
]);
export type TraceStepKind = z.infer<typeof TraceStepKindSchema>;

/** One step of the resolution, in words an admin can read in the preview. */
export const TraceStepSchema = z.object({
  /** Pass of the demotion loop (SPEC §7 steps 1–4) the step belongs to; 0 before the loop. */
  attempt: z.number().int().nonnegative(),
  kind: TraceStepKindSchema,
  message: z.string(),
});
export type TraceStep = z.infer<typeof TraceStepSchema>;

/** The resolution result of one event (SPEC §9). */
export const ResolutionResultSchema = z.object({
  messageId: z.string(),
  outcome: ResolutionOutcomeSchema,
  profileId: z.string().nullable(),
  mergedProfileIds: z.array(z.string()),
  addedIdentifiers: z.array(IdentifierValueSchema),
  droppedIdentifiers: z.array(DroppedIdentifierSchema),
  error: ResolutionErrorSchema.optional(),
  trace: z.array(TraceStepSchema).optional(),
});
export type ResolutionResult = z.infer<typeof ResolutionResultSchema>;

/** Response of `POST …/events`: one result per event, in order. */
export const EventResultsSchema = z.object({ results: z.array(ResolutionResultSchema) });
export type EventResults = z.infer<typeof EventResultsSchema>;
