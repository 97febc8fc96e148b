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

describe('EventSchema optional fields (SPEC §5)', () => {
  it('sets no bound of its own on the track name: the 32 KiB bound of the event covers it', () => {
    expect(EventSchema.safeParse({ type: 'track', event: 'e'.repeat(5000) }).success).toBe(true);
    expect(messages({ type: 'track', event: 'e'.repeat(40_000) })).toEqual([
      'An event may be at most 32768 bytes of JSON',
    ]);
  });

  it('reads a null timestamp or messageId as none sent, like the other optional fields', () => {
    expect(EventSchema.safeParse({ type: 'page', timestamp: null }).success).toBe(true);
    expect(EventSchema.safeParse({ type: 'page', messageId: null }).success).toBe(true);
  });

  it('accepts externalIds entries of any type and collection (the resolver ignores what it cannot use)', () => {
    const externalIds = [{ id: 'a', type: '' }, { id: 'b' }, { id: 'c', type: 7, collection: 5 }, 'str', null, [1]];
    expect(EventSchema.safeParse({ type: 'track', context: { externalIds } }).success).toBe(true);
  });
});
