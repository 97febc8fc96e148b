// Shared fixtures of the resolver's tests (not part of the public API).
import { type Identifier, identifierDefaults } from '@idr/contracts';
import { createMemoryStore, type MemoryStore } from './memory-store.ts';
import { resolveEvent } from './resolve.ts';
import type { ResolverSettings } from './settings.ts';

/** An identifier with the defaults of SPEC §2 and some fields overridden. */
export function identifier(key: string, priority: number, overrides: Partial<Identifier> = {}): Identifier {
  return { ...identifierDefaults(key), priority, ...overrides };
}

/** The contact-center preset of SPEC §2. */
export function presetSettings(overrides: Partial<Record<string, Partial<Identifier>>> = {}): ResolverSettings {
  return {
    defaultCountry: 'US',
    identifiers: [
      identifier('user_id', 1, overrides.user_id),
      identifier('email', 2, overrides.email),
      identifier('phone', 3, { kind: 'custom', sourceKeys: ['phone'], ...overrides.phone }),
      identifier('anonymous_id', 4, { limit: { count: 5, window: 'weekly' }, ...overrides.anonymous_id }),
    ],
  };
}

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.parse('2024-03-01T00:00:00.000Z');

/** ISO timestamp `days` after T0. */
export function day(days: number): string {
  return new Date(T0 + days * DAY).toISOString();
}

/** A deterministic world: a memory store, a clock after every test timestamp and sequential ids P1, P2… */
export function createWorld(settings: ResolverSettings = presetSettings()) {
  const store: MemoryStore = createMemoryStore();
  let next = 0;
  const newId = () => `P${++next}`;
  const clock = { now: T0 + 1000 * DAY };
  const now = () => clock.now;
  let messages = 0;
  return {
    store,
    settings,
    newId,
    now,
    clock,
    send(event: Record<string, unknown>, options: { trace?: boolean } = {}) {
      // Message ids of their own, so profile ids stay P1, P2… in the order profiles are created.
      const withId = 'messageId' in event ? event : { ...event, messageId: `m${++messages}` };
      return resolveEvent({ settings, event: withId, store, now, newId, ...options });
    },
  };
}
