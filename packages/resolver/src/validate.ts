import { createEventSchema, type Event, type Issue, toIssues } from '@idr/contracts';

/** A parsed event, or the issues that make it invalid. */
export type EventParse = { ok: true; event: Event } | { ok: false; issues: Issue[] };

/**
 * Validates a raw event (types, sizes, timestamp bounds relative to `receivedAt`, SPEC §5).
 * An invalid event is a value, never a throw.
 */
export function parseEvent(raw: unknown, receivedAt: number): EventParse {
  const parsed = createEventSchema(receivedAt).safeParse(raw);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

/** The event's timestamp in epoch ms: its `timestamp`, or the received time when it has none (SPEC §5). */
export function eventTime(event: Event, receivedAt: number): number {
  return event.timestamp === undefined ? receivedAt : Date.parse(event.timestamp);
}
