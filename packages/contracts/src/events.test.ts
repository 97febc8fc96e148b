import { describe, expect, it } from 'vitest';
import { EventSchema, MAX_EVENT_DEPTH } from './events.ts';

/** `{ a: { a: … 1 } }` nested `depth` levels (the outermost object counts as one). */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const messages = (event: unknown) => EventSchema.safeParse(event).error?.issues.map((issue) => issue.message);
const TOO_DEEP = `An event may nest objects and arrays at most ${MAX_EVENT_DEPTH} levels deep`;

describe('EventSchema nesting', () => {
  it('accepts an event nested exactly as deep as allowed', () => {
    // The event object itself is one level, traits a second.
    expect(EventSchema.safeParse({ type: 'identify', traits: { x: nested(MAX_EVENT_DEPTH - 2) } }).success).toBe(true);
  });

  it('refuses deeper nesting with a validation issue, not a throw', () => {
    expect(messages({ type: 'identify', traits: { x: nested(MAX_EVENT_DEPTH - 1) } })).toEqual([TOO_DEEP]);
    // Deep enough to exhaust JSON.stringify's stack, yet a few KiB: still an issue.
    expect(messages({ type: 'identify', traits: { x: nested(20_000) } })).toEqual([TOO_DEEP]);
  });

  it('refuses a cycle (possible from in-process callers) with a validation issue', () => {
    const traits: Record<string, unknown> = {};
    traits.self = traits;
    expect(messages({ type: 'identify', properties: { traits } })).toEqual([TOO_DEEP]);
  });

  it('does not count brackets inside strings', () => {
    const text = `${'{['.repeat(300)}"\\"{`;
    expect(EventSchema.safeParse({ type: 'track', properties: { text } }).success).toBe(true);
  });
});
