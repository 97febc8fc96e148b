import {
  type Event,
  EventSchema,
  eventTimeIssue,
  type Issue,
  parseTimestamp,
  reservedKeyIssue,
  toIssues,
} from '@idr/contracts';

/**
 * A parsed event with its effective timestamp (epoch ms, `eventTime`), or the issues that make it
 * invalid. The timestamp is read once here, for the bound check, and handed on to the resolver.
 */
export type EventParse = { ok: true; event: Event; at: number } | { ok: false; issues: Issue[] };

/**
 * Validates a raw event (types, sizes, timestamp bounds relative to `receivedAt`, SPEC §5).
 * An invalid event is a value, never a throw.
 */
export function parseEvent(raw: unknown, receivedAt: number): EventParse {
  // The schema would drop a `__proto__` trait unseen: refuse the event instead (its issue says where).
  const reserved = reservedKeyIssue(raw);
  if (reserved) return { ok: false, issues: [reserved] };
  // One shared schema: building a zod schema per event (for its clock) costs more than resolving it.
  const parsed = EventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const event = parsed.data;
  const at = eventTime(event, receivedAt);
  const issue = event.timestamp === undefined || event.timestamp === null ? null : eventTimeIssue(at, receivedAt);
  return issue ? { ok: false, issues: [{ path: 'timestamp', message: issue }] } : { ok: true, event, at };
}

/** The event's timestamp in epoch ms: its `timestamp`, or the received time when it has none (SPEC §5). */
export function eventTime(event: Event, receivedAt: number): number {
  const timestamp = event.timestamp;
  return timestamp === undefined || timestamp === null ? receivedAt : parseTimestamp(timestamp);
}
