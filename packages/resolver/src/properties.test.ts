import type { BlockedValue, Identifier, LimitWindow } from '@idr/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBlockedMatch } from './blocked.ts';
import { countInWindow } from './limits.ts';
import { createMemoryStore } from './memory-store.ts';
import { resolveEvent, resolveEventSync } from './resolve.ts';
import { compileSettings, type ResolverSettings } from './settings.ts';
import type { ProfileState, ResolverStore } from './store.ts';
import { DAY, identifier, T0 } from './test-support.ts';

// Small pools so that random events collide, match, merge and hit limits often.
const USER_IDS = ['u1', 'u2', 'u3', 'u4', 'null'];
const ANONYMOUS_IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'anonymous', '000'];
const EMAILS = ['e1@x.y', 'E2@x.y', 'e3@x.y', 'blocked@x.y', 'not-an-email'];
const PHONES = ['+14155550100', '(415) 555-0101', 'tel:+1 415 555 0102', '12345'];
const CRM_IDS = ['c1', 'c2', 'c3', 'crm-9'];
const BLOCKED_POOL: BlockedValue[] = [
  { value: 'null', match: 'exact' },
  { value: 'anonymous', match: 'exact' },
  { value: '^[0-]*$', match: 'regex' },
  { value: 'blocked@', match: 'regex' },
  { value: '^c3$', match: 'exact' },
  { value: 'u4', match: 'exact' },
];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });

const eventArbitrary = fc.record({
  type: fc.constantFrom('identify', 'track', 'page'),
  userId: maybe(fc.constantFrom(...USER_IDS)),
  anonymousId: maybe(fc.constantFrom(...ANONYMOUS_IDS)),
  email: maybe(fc.constantFrom(...EMAILS)),
  phone: maybe(fc.constantFrom(...PHONES)),
  crm: maybe(fc.constantFrom(...CRM_IDS)),
  extraAnonymous: maybe(fc.constantFrom(...ANONYMOUS_IDS)),
  plan: maybe(fc.constantFrom('free', 'pro', 'gold')),
  minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }),
});
type GeneratedEvent = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toEvent(generated: GeneratedEvent, index: number): Record<string, unknown> {
  const traits: Record<string, unknown> = {};
  if (generated.email !== undefined) traits.email = generated.email;
  if (generated.phone !== undefined) traits.phone = generated.phone;
  if (generated.plan !== undefined) traits.plan = generated.plan;
  return {
    type: generated.type,
    messageId: `m${index}`,
    userId: generated.userId,
    anonymousId: generated.anonymousId,
    traits,
    properties: generated.crm === undefined ? {} : { crm_id: generated.crm },
    context:
      generated.extraAnonymous === undefined
        ? {}
        : { externalIds: [{ id: generated.extraAnonymous, type: 'anonymous_id' }] },
    timestamp: new Date(T0 + generated.minutes * 60_000).toISOString(),
  };
}

function settingsArbitrary(windows: readonly LimitWindow[]): fc.Arbitrary<ResolverSettings> {
  const limit = fc.record({ count: fc.integer({ min: 1, max: 3 }), window: fc.constantFrom(...windows) });
  const blocked = fc.subarray(BLOCKED_POOL);
  const config = fc.record({ limit, blockedValues: blocked });
  return fc
    .record({
      order: fc.shuffledSubarray(['user_id', 'email', 'phone', 'anonymous_id', 'crm_id'], { minLength: 1 }),
      configs: fc.array(config, { minLength: 5, maxLength: 5 }),
    })
    .map(({ order, configs }) => ({
      defaultCountry: 'US',
      identifiers: order.map((key, index): Identifier => {
        const custom = key === 'phone' || key === 'crm_id' ? { kind: 'custom' as const, sourceKeys: [key] } : {};
        return identifier(key, index + 1, { ...configs[index]!, ...custom });
      }),
    }));
}

/** A memory store, and a function that resolves one event into it (the clock after every event, ids p1, p2…). */
function createResolver(settings: ResolverSettings) {
  const store = createMemoryStore();
  let next = 0;
  const resolve = (event: Record<string, unknown>) =>
    resolveEvent({ settings, event, store, now: () => T0 + 100 * DAY, newId: () => `p${++next}` });
  return { store, resolve };
}

async function replay(settings: ResolverSettings, events: readonly Record<string, unknown>[]) {
  const { store, resolve } = createResolver(settings);
  const results = [];
  for (const event of events) results.push(await resolve(event));
  return { store, results };
}

const RUNS = { numRuns: 80 };
const streams = fc.array(eventArbitrary, { minLength: 1, maxLength: 40 });

describe('resolver invariants (SPEC §7), over random event streams and settings', () => {
  it('I1: each identifier value is on at most one live profile', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['ever', 'daily', 'weekly']), streams, async (settings, stream) => {
        const { store } = await replay(settings, stream.map(toEvent));
        const owners = new Map<string, string>();
        for (const profile of store.listProfiles()) {
          for (const { key, value } of profile.identifiers) {
            const id = `${key}=${value}`;
            expect(owners.get(id)).toBeUndefined();
            owners.set(id, profile.id);
            expect(store.profileHolding(key, value)?.id).toBe(profile.id);
          }
        }
      }),
      RUNS,
    );
  });

  it('no profile exceeds an `ever` limit, the merge cap or the value cap', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['ever']), streams, async (settings, stream) => {
        const { store } = await replay(settings, stream.map(toEvent));
        const limits = new Map(settings.identifiers.map((item) => [item.key, item.limit.count]));
        for (const profile of store.listProfiles()) {
          const counts = new Map<string, number>();
          for (const { key } of profile.identifiers) counts.set(key, (counts.get(key) ?? 0) + 1);
          for (const [key, count] of counts) expect(count).toBeLessThanOrEqual(limits.get(key)!);
          expect(profile.mergeCount).toBe(profile.mergedFrom.length);
          expect(profile.mergeCount).toBeLessThanOrEqual(100);
          expect(profile.identifiers.length).toBeLessThanOrEqual(1000);
        }
      }),
      RUNS,
    );
  });

  it('no profile exceeds a windowed limit in the window ending at each event (in-order stream)', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['daily', 'weekly', 'monthly']), streams, async (settings, stream) => {
        const ordered = [...stream].sort((a, b) => a.minutes - b.minutes).map(toEvent);
        const compiled = compileSettings(settings);
        const { store, resolve } = createResolver(settings);
        for (const event of ordered) {
          await resolve(event);
          const at = Date.parse(event.timestamp as string);
          for (const profile of store.listProfiles()) {
            for (const item of compiled.identifiers) {
              const times = profile.identifiers.filter((held) => held.key === item.key).map((held) => held.firstSeenAt);
              expect(countInWindow(times, at, item.windowMs)).toBeLessThanOrEqual(item.limitCount);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('out of order, no value is added beyond a limit in the window ending at its event, unless P already held more', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['daily', 'weekly', 'monthly']), streams, async (settings, stream) => {
        const compiled = compileSettings(settings);
        const { store, resolve } = createResolver(settings);
        const inWindow = (profile: ProfileState | undefined, key: string, at: number, windowMs: number | null) =>
          countInWindow(
            (profile?.identifiers ?? []).filter((held) => held.key === key).map((held) => held.firstSeenAt),
            at,
            windowMs,
          );
        for (const event of stream.map(toEvent)) {
          const at = Date.parse(event.timestamp as string);
          // Copies: the memory store changes its profiles in place.
          const before = new Map(
            store.listProfiles().map((profile) => [profile.id, { ...profile, identifiers: [...profile.identifiers] }]),
          );
          const result = await resolve(event);
          if (result.profileId === null) continue;
          const after = await store.getProfile(result.profileId);
          for (const key of new Set(result.addedIdentifiers.map((added) => added.key))) {
            const item = compiled.byKey.get(key)!;
            const held = Math.max(
              0,
              ...[result.profileId, ...result.mergedProfileIds].map((id) =>
                inWindow(before.get(id), key, at, item.windowMs),
              ),
            );
            expect(inWindow(after, key, at, item.windowMs)).toBeLessThanOrEqual(Math.max(item.limitCount, held));
          }
        }
      }),
      RUNS,
    );
  });

  it('blocked values never appear on a profile', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['ever', 'weekly']), streams, async (settings, stream) => {
        const { store, results } = await replay(settings, stream.map(toEvent));
        const compiled = compileSettings(settings);
        for (const profile of store.listProfiles()) {
          for (const { key, value } of profile.identifiers) {
            expect(findBlockedMatch(compiled.byKey.get(key)!, value)).toBeNull();
          }
        }
        for (const result of results) {
          for (const dropped of result.droppedIdentifiers.filter((entry) => entry.reason === 'blocked')) {
            expect(store.profileHolding(dropped.key, dropped.value)).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });

  it('determinism: replaying the same stream gives the same profiles and results', async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArbitrary(['ever', 'daily', 'weekly', 'annually']),
        streams,
        async (settings, stream) => {
          const events = stream.map(toEvent);
          const first = await replay(settings, events);
          const second = await replay(settings, events);
          expect(second.results).toEqual(first.results);
          expect(JSON.stringify(second.store.listProfiles())).toBe(JSON.stringify(first.store.listProfiles()));
          expect([...second.store.tombstones()]).toEqual([...first.store.tombstones()]);
        },
      ),
      RUNS,
    );
  });

  it('every value ever added stays reachable through its survivor', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['ever', 'weekly']), streams, async (settings, stream) => {
        const { store, results } = await replay(settings, stream.map(toEvent));
        for (const result of results) {
          if (result.profileId === null) continue;
          const survivor = await store.getProfile(result.profileId);
          expect(survivor).toBeDefined();
          for (const added of result.addedIdentifiers) {
            expect(survivor!.identifiers.some((held) => held.key === added.key && held.value === added.value)).toBe(
              true,
            );
          }
          for (const merged of result.mergedProfileIds) expect((await store.getProfile(merged))?.id).toBe(survivor!.id);
        }
      }),
      RUNS,
    );
  });
});

describe('the three ways through the engine', () => {
  it('the async port, the memory store sync view and resolveEventSync give the same results and profiles', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArbitrary(['ever', 'daily', 'weekly']), streams, async (settings, stream) => {
        const events = stream.map(toEvent);
        const now = () => T0 + 100 * DAY;
        const viaSyncView = await replay(settings, events);

        // The same store without its sync view: every read and write is awaited, as on SQL.
        const asyncBacking = createMemoryStore();
        const asyncOnly: ResolverStore = {
          findProfilesByValues: (values) => asyncBacking.findProfilesByValues(values),
          getProfile: (id) => asyncBacking.getProfile(id),
          findMessage: (messageId) => asyncBacking.findMessage(messageId),
          apply: (plan) => asyncBacking.apply(plan),
        };
        const direct = createMemoryStore();
        let nextAsync = 0;
        let nextDirect = 0;
        for (const [index, event] of events.entries()) {
          const awaited = await resolveEvent({
            settings,
            event,
            store: asyncOnly,
            now,
            newId: () => `p${++nextAsync}`,
          });
          const returned = resolveEventSync({
            settings,
            event,
            store: direct.sync,
            now,
            newId: () => `p${++nextDirect}`,
          });
          expect(awaited).toEqual(viaSyncView.results[index]);
          expect(returned).toEqual(viaSyncView.results[index]);
        }
        const profiles = JSON.stringify(viaSyncView.store.listProfiles());
        expect(JSON.stringify(asyncBacking.listProfiles())).toBe(profiles);
        expect(JSON.stringify(direct.listProfiles())).toBe(profiles);
      }),
      RUNS,
    );
  });
});

describe('the generators', () => {
  it('produce streams that match, merge, demote, block and refuse invalid values', async () => {
    const seen = new Set<string>();
    for (const [settings, stream] of fc.sample(fc.tuple(settingsArbitrary(['ever', 'weekly']), streams), {
      numRuns: 60,
      seed: 42,
    })) {
      const { results } = await replay(settings, stream.map(toEvent));
      for (const result of results) {
        seen.add(result.outcome);
        for (const dropped of result.droppedIdentifiers) seen.add(dropped.reason);
      }
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['blocked', 'created', 'invalid', 'limit', 'matched', 'merged', 'unresolved']),
    );
  });
});
