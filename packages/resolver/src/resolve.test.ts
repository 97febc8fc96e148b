import { type Identifier, LIMIT_WINDOW_DAYS, type LimitWindow } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.ts';
import { planResolution, previewEvent, resolveParsedEvent } from './resolve.ts';
import type { ResolverSettings } from './settings.ts';
import type { ProfileState, ResolverStore } from './store.ts';
import { createWorld, DAY, day, identifier, presetSettings, T0 } from './test-support.ts';
import { parseEvent } from './validate.ts';

function keysOf(profile: ProfileState | undefined, key: string): string[] {
  return (profile?.identifiers ?? [])
    .filter((held) => held.key === key)
    .map((held) => held.value)
    .sort();
}

describe('limit windows', () => {
  const windows = (['daily', 'weekly', 'monthly', 'annually'] as LimitWindow[]).map(
    (window) => [window, LIMIT_WINDOW_DAYS[window]!] as const,
  );

  it.each(windows)('%s: a third value within %i days is demoted', async (window, days) => {
    const world = createWorld(presetSettings({ anonymous_id: { limit: { count: 2, window } } }));
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a1', timestamp: day(0) });
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a2', timestamp: day(0) });
    const result = await world.send({
      type: 'identify',
      userId: 'u1',
      anonymousId: 'a3',
      timestamp: new Date(T0 + days * DAY - 60_000).toISOString(),
    });
    expect(result.droppedIdentifiers).toEqual([{ key: 'anonymous_id', value: 'a3', reason: 'limit' }]);
  });

  it.each(windows)('%s: once %i days have passed the old values no longer count', async (window, days) => {
    const world = createWorld(presetSettings({ anonymous_id: { limit: { count: 2, window } } }));
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a1', timestamp: day(0) });
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a2', timestamp: day(0) });
    const result = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a3', timestamp: day(days) });
    expect(result).toMatchObject({ outcome: 'matched', droppedIdentifiers: [] });
    expect(keysOf(await world.store.getProfile('P1'), 'anonymous_id')).toEqual(['a1', 'a2', 'a3']);
  });

  it('a late event also counts the values first seen less than a window after it (decision 002)', async () => {
    const world = createWorld();
    for (let i = 1; i <= 5; i++) {
      await world.send({ type: 'identify', userId: 'u1', anonymousId: `a${i}`, timestamp: day(18) });
    }
    // Day 15 shares the week ending at day 18 with the five: a sixth there would break that week.
    const late = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'late', timestamp: day(15) });
    expect(late.droppedIdentifiers).toEqual([{ key: 'anonymous_id', value: 'late', reason: 'limit' }]);
    // Day 10 shares no week with them: taken.
    const older = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'older', timestamp: day(10) });
    expect(older).toMatchObject({ outcome: 'matched', droppedIdentifiers: [] });
    expect(keysOf(await world.store.getProfile('P1'), 'anonymous_id')).toHaveLength(6);
  });

  it('ever: the count never resets', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', timestamp: day(0) });
    const result = await world.send({ type: 'identify', userId: 'u1', traits: { email: 'x@y.z' }, timestamp: day(0) });
    expect(result.outcome).toBe('matched');
    for (let i = 0; i < 5; i++) {
      await world.send({ type: 'identify', userId: 'u1', traits: { email: `e${i}@y.z` }, timestamp: day(900 + i) });
    }
    expect(keysOf(await world.store.getProfile('P1'), 'email')).toHaveLength(5);
  });
});

describe('limits', () => {
  it('an excess that predates a tightened limit is kept, never grows, and never blocks resolution', async () => {
    const world = createWorld();
    for (const email of ['a@x.y', 'b@x.y', 'c@x.y'])
      await world.send({ type: 'identify', userId: 'u1', traits: { email } });
    const tightened = presetSettings({ email: { limit: { count: 1, window: 'ever' } } });
    const store = world.store;
    const send = (event: Record<string, unknown>) =>
      planResolution({ settings: tightened, event, store, now: world.now, newId: world.newId }).then(
        async (decision) => {
          if (decision.plan) await store.apply(decision.plan);
          return decision.result;
        },
      );
    expect(await send({ type: 'identify', userId: 'u1', traits: { email: 'b@x.y' } })).toMatchObject({
      outcome: 'matched',
      droppedIdentifiers: [],
    });
    expect(await send({ type: 'identify', userId: 'u1', traits: { email: 'd@x.y' } })).toMatchObject({
      outcome: 'matched',
      droppedIdentifiers: [{ key: 'email', value: 'd@x.y', reason: 'limit' }],
    });
    expect(keysOf(await store.getProfile('P1'), 'email')).toEqual(['a@x.y', 'b@x.y', 'c@x.y']);
  });

  it('demotion that leaves one candidate: it resolves on the highest-priority value alone', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', traits: { email: 'one@x.y', phone: '+14155550100' } });
    await world.send({ type: 'identify', userId: 'u2', anonymousId: 'a2' });
    const result = await world.send({
      type: 'identify',
      userId: 'u3',
      anonymousId: 'a2',
      traits: { email: 'one@x.y', phone: '(415) 555-0100' },
    });
    expect(result).toMatchObject({
      outcome: 'created',
      addedIdentifiers: [{ key: 'user_id', value: 'u3' }],
      droppedIdentifiers: [
        { key: 'anonymous_id', value: 'a2', reason: 'limit' },
        { key: 'phone', value: '+14155550100', reason: 'limit' },
        { key: 'email', value: 'one@x.y', reason: 'limit' },
      ],
    });
  });

  it('the merge cap: a survivor may not count more than 100 merged profiles', async () => {
    const store = createMemoryStore();
    const settings = presetSettings();
    const mergedFrom = Array.from({ length: 100 }, (_, i) => `old${i}`);
    await store.apply({
      message: null,
      profile: {
        profileId: 'big',
        create: { createdAt: T0 },
        mergeProfileIds: [],
        addIdentifiers: [{ key: 'email', value: 'big@x.y' }],
        addedAt: T0,
        setTraits: {},
        mergedFrom,
        mergeCount: 100,
        updatedAt: T0,
      },
    });
    const small = { type: 'identify', anonymousId: 'a1', timestamp: day(1) };
    await planAndApply(store, settings, small);
    const result = await planAndApply(store, settings, {
      type: 'identify',
      traits: { email: 'big@x.y' },
      anonymousId: 'a1',
      timestamp: day(2),
    });
    expect(result).toMatchObject({
      outcome: 'matched',
      profileId: 'big',
      droppedIdentifiers: [{ key: 'anonymous_id', value: 'a1', reason: 'merge_limit' }],
    });
  });

  it('the value cap: a profile may not hold more than 1000 values', async () => {
    const settings: ResolverSettings = {
      defaultCountry: 'US',
      identifiers: [
        identifier('tag', 1, { kind: 'custom', sourceKeys: ['tag'], limit: { count: 1000, window: 'ever' } }),
        identifier('email', 2, { limit: { count: 1000, window: 'ever' } }),
      ],
    };
    const store = createMemoryStore();
    await store.apply({
      message: null,
      profile: {
        profileId: 'full',
        create: { createdAt: T0 },
        mergeProfileIds: [],
        addIdentifiers: Array.from({ length: 1000 }, (_, i) => ({ key: 'tag', value: `t${i}` })),
        addedAt: T0,
        setTraits: {},
        mergedFrom: [],
        mergeCount: 0,
        updatedAt: T0,
      },
    });
    const result = await planAndApply(store, settings, { type: 'identify', traits: { tag: 't5', email: 'new@x.y' } });
    expect(result).toMatchObject({
      outcome: 'matched',
      profileId: 'full',
      addedIdentifiers: [],
      droppedIdentifiers: [{ key: 'email', value: 'new@x.y', reason: 'mapping_limit' }],
    });
  });
});

let ids = 0;
async function planAndApply(store: ResolverStore, settings: ResolverSettings, event: Record<string, unknown>) {
  const decision = await planResolution({
    settings,
    event,
    store,
    now: () => T0 + 1000 * DAY,
    newId: () => `id${++ids}`,
  });
  if (decision.plan) await store.apply(decision.plan);
  return decision.result;
}

describe('merges', () => {
  it('merges three profiles into the oldest, ties broken by the smallest id', async () => {
    const world = createWorld(
      presetSettings({
        email: { limit: { count: 5, window: 'ever' } },
        anonymous_id: { limit: { count: 5, window: 'ever' } },
      }),
    );
    await world.send({ type: 'page', anonymousId: 'a1', timestamp: day(3) }); // P1, youngest
    await world.send({ type: 'page', anonymousId: 'a2', timestamp: day(1) }); // P2
    await world.send({ type: 'page', traits: { email: 'e@x.y' }, timestamp: day(1) }); // P3, same age as P2
    const result = await world.send({
      type: 'identify',
      anonymousId: 'a1',
      traits: { email: 'e@x.y', phone: '+14155550100' },
      context: { externalIds: [{ id: 'a2', type: 'anonymous_id' }] },
      timestamp: day(4),
    });
    expect(result).toMatchObject({
      outcome: 'merged',
      profileId: 'P2',
      mergedProfileIds: ['P3', 'P1'],
      addedIdentifiers: [{ key: 'phone', value: '+14155550100' }],
    });
    const survivor = await world.store.getProfile('P2');
    expect(survivor).toMatchObject({ id: 'P2', mergeCount: 2, mergedFrom: ['P3', 'P1'] });
    expect(keysOf(survivor, 'anonymous_id')).toEqual(['a1', 'a2']);
    expect((await world.store.getProfile('P1'))?.id).toBe('P2');
    expect((await world.store.getProfile('P3'))?.id).toBe('P2');
    // First-seen times survive the merge.
    expect(survivor?.identifiers.find((held) => held.value === 'a1')?.firstSeenAt).toBe(Date.parse(day(3)));
  });

  it('merge counts add up transitively and tombstones of tombstones resolve to the survivor', async () => {
    const world = createWorld(presetSettings({ anonymous_id: { limit: { count: 50, window: 'ever' } } }));
    await world.send({ type: 'page', anonymousId: 'a1', timestamp: day(1) });
    await world.send({ type: 'page', anonymousId: 'a2', timestamp: day(2) });
    await world.send({ type: 'page', anonymousId: 'a3', timestamp: day(0) });
    await world.send({ type: 'identify', traits: { email: 'j@x.y' }, anonymousId: 'a1', timestamp: day(3) });
    await world.send({ type: 'identify', traits: { email: 'j@x.y' }, anonymousId: 'a2', timestamp: day(3) }); // P2 → P1
    const result = await world.send({
      type: 'identify',
      anonymousId: 'a1',
      context: { externalIds: [{ id: 'a3', type: 'anonymous_id' }] },
      timestamp: day(4),
    });
    expect(result).toMatchObject({ outcome: 'merged', profileId: 'P3', mergedProfileIds: ['P1'] });
    expect(await world.store.getProfile('P2')).toMatchObject({ id: 'P3', mergeCount: 2, mergedFrom: ['P1', 'P2'] });
  });
});

describe('traits (SPEC §7.6)', () => {
  it('the newest event timestamp wins, also out of order', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', traits: { plan: 'gold', name: 'Jane' }, timestamp: day(2) });
    await world.send({ type: 'identify', userId: 'u1', traits: { plan: 'silver' }, timestamp: day(1) });
    await world.send({ type: 'identify', userId: 'u1', context: { traits: { name: 'Janet' } }, timestamp: day(3) });
    const profile = await world.store.getProfile('P1');
    expect(profile?.traits).toEqual({
      plan: { value: 'gold', at: Date.parse(day(2)) },
      name: { value: 'Janet', at: Date.parse(day(3)) },
    });
  });

  it('traits override context.traits within one event', async () => {
    const world = createWorld();
    await world.send({
      type: 'identify',
      userId: 'u1',
      traits: { plan: 'a' },
      context: { traits: { plan: 'b', x: 1 } },
    });
    expect((await world.store.getProfile('P1'))?.traits).toMatchObject({ plan: { value: 'a' }, x: { value: 1 } });
  });

  it("across a merge a merged profile's newer trait beats the survivor's older one", async () => {
    const world = createWorld();
    await world.send({ type: 'identify', anonymousId: 'a1', traits: { plan: 'gold', tier: 1 }, timestamp: day(1) });
    await world.send({ type: 'identify', anonymousId: 'a2', traits: { plan: 'silver', tier: 2 }, timestamp: day(2) });
    await world.send({ type: 'identify', anonymousId: 'a1', traits: { tier: 3 }, timestamp: day(3) });
    const result = await world.send({
      type: 'track',
      event: 'x',
      anonymousId: 'a1',
      context: { externalIds: [{ id: 'a2', type: 'anonymous_id' }] },
      timestamp: day(4),
    });
    expect(result).toMatchObject({ outcome: 'merged', profileId: 'P1', mergedProfileIds: ['P2'] });
    expect((await world.store.getProfile('P1'))?.traits).toEqual({
      plan: { value: 'silver', at: Date.parse(day(2)) },
      tier: { value: 3, at: Date.parse(day(3)) },
    });
  });
});

describe('trait keys that Object.prototype also knows', () => {
  it('are stored and updated like any other trait', async () => {
    const world = createWorld();
    const odd = { constructor: 'c1', toString: 'ts', valueOf: 'v', hasOwnProperty: 'h', plan: 'gold' };
    await world.send({ type: 'identify', userId: 'u1', traits: odd, timestamp: day(1) });
    await world.send({ type: 'identify', userId: 'u1', traits: { constructor: 'c2' }, timestamp: day(2) });
    await world.send({ type: 'identify', userId: 'u1', traits: { toString: 'older' }, timestamp: day(0) });
    const traits = (await world.store.getProfile('P1'))?.traits;
    expect(Object.keys(traits ?? {}).sort()).toEqual(['constructor', 'hasOwnProperty', 'plan', 'toString', 'valueOf']);
    expect(traits).toMatchObject({
      constructor: { value: 'c2', at: Date.parse(day(2)) },
      toString: { value: 'ts', at: Date.parse(day(1)) },
      plan: { value: 'gold' },
    });
  });

  it('survive a merge', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', anonymousId: 'a1', traits: { plan: 'gold' }, timestamp: day(1) });
    await world.send({ type: 'identify', anonymousId: 'a2', traits: { constructor: 'x' }, timestamp: day(2) });
    const result = await world.send({
      type: 'track',
      event: 'x',
      anonymousId: 'a1',
      context: { externalIds: [{ id: 'a2', type: 'anonymous_id' }] },
      timestamp: day(3),
    });
    expect(result.outcome).toBe('merged');
    expect((await world.store.getProfile('P1'))?.traits).toEqual({
      plan: { value: 'gold', at: Date.parse(day(1)) },
      constructor: { value: 'x', at: Date.parse(day(2)) },
    });
  });
});

describe('events without usable identifiers', () => {
  it('an event without identifiers is unresolved and writes no profile', async () => {
    const world = createWorld();
    expect(await world.send({ type: 'track', event: 'Viewed', traits: { plan: 'x' } })).toMatchObject({
      outcome: 'unresolved',
      profileId: null,
      droppedIdentifiers: [],
    });
    expect(world.store.listProfiles()).toEqual([]);
  });

  it('an event whose identifiers are all blocked is unresolved, each reported as blocked', async () => {
    const world = createWorld();
    const result = await world.send({
      type: 'identify',
      userId: 'null',
      anonymousId: '0000',
      context: { externalIds: [{ id: 'ANONYMOUS', type: 'user_id' }] },
    });
    expect(result).toMatchObject({
      outcome: 'unresolved',
      profileId: null,
      droppedIdentifiers: [
        { key: 'user_id', value: 'null', reason: 'blocked' },
        { key: 'user_id', value: 'ANONYMOUS', reason: 'blocked' },
        { key: 'anonymous_id', value: '0000', reason: 'blocked' },
      ],
    });
    expect(world.store.listProfiles()).toEqual([]);
  });

  it('a blocked value is dropped and the event resolves on the others', async () => {
    const world = createWorld();
    const result = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'anonymous' });
    expect(result).toMatchObject({
      outcome: 'created',
      addedIdentifiers: [{ key: 'user_id', value: 'u1' }],
      droppedIdentifiers: [{ key: 'anonymous_id', value: 'anonymous', reason: 'blocked' }],
    });
  });

  it('an invalid value is reported with its raw value, trimmed and cut to 255 characters', async () => {
    const world = createWorld();
    const long = ` ${'x'.repeat(300)}@`;
    const result = await world.send({ type: 'identify', userId: 'u1', traits: { email: long } });
    expect(result.droppedIdentifiers).toEqual([{ key: 'email', value: 'x'.repeat(255), reason: 'invalid' }]);
  });

  it('counts characters, not UTF-16 units: an emoji is one of the 255 and is never cut in half', async () => {
    const world = createWorld();
    // 254 characters, then an emoji (two UTF-16 units): the 255th character, kept whole.
    const result = await world.send({ type: 'identify', userId: `${'a'.repeat(254)}\u{1F600}b${'c'.repeat(300)}` });
    const [dropped] = result.droppedIdentifiers;
    expect(dropped).toEqual({ key: 'user_id', value: `${'a'.repeat(254)}\u{1F600}`, reason: 'invalid' });
  });

  it('takes a value of 255 emoji (510 UTF-16 units) and refuses one of 256', async () => {
    const world = createWorld();
    const emoji = '\u{1F600}';
    const taken = await world.send({ type: 'identify', userId: emoji.repeat(255) });
    expect(taken).toMatchObject({
      outcome: 'created',
      addedIdentifiers: [{ key: 'user_id', value: emoji.repeat(255) }],
    });
    const refused = await world.send({ type: 'identify', userId: emoji.repeat(256) });
    expect(refused).toMatchObject({
      outcome: 'unresolved',
      droppedIdentifiers: [{ key: 'user_id', value: emoji.repeat(255), reason: 'invalid' }],
    });
  });

  it('identifier fields of another type than string or number are dropped as invalid; the event resolves on the rest', async () => {
    const world = createWorld();
    const result = await world.send({ type: 'identify', userId: true, anonymousId: 'a1', groupId: { id: 1 } });
    expect(result).toMatchObject({
      outcome: 'created',
      addedIdentifiers: [{ key: 'anonymous_id', value: 'a1' }],
      droppedIdentifiers: [{ key: 'user_id', value: 'true', reason: 'invalid' }],
    });
  });

  it('device and externalIds fields of another type do not reject the event', async () => {
    const world = createWorld({
      defaultCountry: 'US',
      identifiers: [identifier('ios.id', 1), identifier('ios.idfa', 2), identifier('anonymous_id', 3)],
    });
    const result = await world.send({
      type: 'track',
      event: 'Opened',
      anonymousId: 'a1',
      context: {
        // A numeric id is read as text; only the boolean true enables the advertising id.
        device: { type: 'ios', id: 123, advertisingId: 'ad1', adTrackingEnabled: 'true' },
        externalIds: [{ type: 'anonymous_id', id: null }],
      },
    });
    expect(result).toMatchObject({
      outcome: 'created',
      addedIdentifiers: [
        { key: 'ios.id', value: '123' },
        { key: 'anonymous_id', value: 'a1' },
      ],
      droppedIdentifiers: [],
    });
  });

  it('a number that is not finite (JSON 1e400) is reported as written, not as "null"', async () => {
    const world = createWorld();
    const result = await world.send({ type: 'identify', userId: 'u1', traits: { phone: JSON.parse('1e400') } });
    expect(result.droppedIdentifiers).toEqual([{ key: 'phone', value: 'Infinity', reason: 'invalid' }]);
  });
});

describe('duplicates and rejected events', () => {
  it('the same messageId is processed once: the repeat answers duplicate and changes nothing', async () => {
    const world = createWorld();
    const first = await world.send({ type: 'identify', messageId: 'm-1', userId: 'u1', traits: { plan: 'a' } });
    const repeat = await world.send({ type: 'identify', messageId: 'm-1', userId: 'u2', traits: { plan: 'b' } });
    expect(repeat).toEqual({ ...first, outcome: 'duplicate' });
    expect(world.store.listProfiles()).toHaveLength(1);
    expect((await world.store.getProfile('P1'))?.traits.plan?.value).toBe('a');
  });

  it('an unresolved event writes no profile, but its message id is processed once like any other (§7.7)', async () => {
    const world = createWorld();
    const first = await world.send({ type: 'track', messageId: 'm-2', event: 'x' });
    expect(first).toMatchObject({ outcome: 'unresolved', profileId: null });
    // Resent with a usable value, the same message id is still the same message: nothing changes.
    expect(await world.send({ type: 'track', messageId: 'm-2', userId: 'u1' })).toEqual({
      ...first,
      outcome: 'duplicate',
    });
    expect(world.store.listProfiles()).toHaveLength(0);
  });

  const now = T0 + 1000 * DAY;
  it.each<[string, Record<string, unknown>, string]>([
    ['no type', { userId: 'u1' }, 'type'],
    ['an unknown type', { type: 'purchase', userId: 'u1' }, 'type'],
    ['a messageId over 100 characters', { type: 'track', messageId: 'm'.repeat(101) }, 'messageId'],
    ['a timestamp that is not ISO 8601', { type: 'track', timestamp: 'yesterday' }, 'timestamp'],
    ['a timestamp before 1970', { type: 'track', timestamp: '1969-12-31T23:59:59Z' }, 'timestamp'],
    [
      'a timestamp more than 24 h ahead',
      { type: 'track', timestamp: new Date(now + DAY + 1000).toISOString() },
      'timestamp',
    ],
    ['traits that are not an object', { type: 'identify', traits: 'x' }, 'traits'],
    ['an event over 32 KiB', { type: 'track', properties: { blob: 'x'.repeat(33_000) } }, ''],
  ])('rejects an event with %s, as a value', async (_name, event, path) => {
    const world = createWorld();
    const result = await world.send(event);
    expect(result.outcome).toBe('rejected');
    expect(result.profileId).toBeNull();
    expect(result.error?.code).toBe('validation_failed');
    expect(result.error?.issues.map((issue) => issue.path)).toContain(path);
    expect(world.store.listProfiles()).toEqual([]);
  });

  it('accepts a timestamp exactly 24 h ahead and the epoch itself', async () => {
    const world = createWorld();
    const ahead = await world.send({
      type: 'identify',
      userId: 'u1',
      timestamp: new Date(world.now() + DAY).toISOString(),
    });
    const epoch = await world.send({ type: 'identify', userId: 'u2', timestamp: '1970-01-01T00:00:00Z' });
    expect([ahead.outcome, epoch.outcome]).toEqual(['created', 'created']);
  });

  it('a profile created by an event takes its timestamp, or the received time without one', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', timestamp: day(5) });
    await world.send({ type: 'identify', userId: 'u2' });
    expect((await world.store.getProfile('P1'))?.createdAt).toBe(Date.parse(day(5)));
    expect((await world.store.getProfile('P2'))?.createdAt).toBe(world.now());
  });
});

describe('preview and trace', () => {
  it('previewEvent explains the demotion and writes nothing', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'abc123', traits: { email: 'jane@example.com' } });
    const before = JSON.stringify(world.store.listProfiles());
    const result = await previewEvent({
      settings: world.settings,
      event: { type: 'identify', messageId: 'preview-1', userId: 'abc456', traits: { email: 'jane@example.com' } },
      store: world.store,
      now: world.now,
      newId: () => 'would-be',
    });
    // The profile it would create does not exist, so it has no id yet.
    expect(result).toMatchObject({ outcome: 'created', profileId: null });
    expect(JSON.stringify(world.store.listProfiles())).toBe(before);
    expect(await world.store.findMessage('preview-1')).toBeUndefined();
    const kinds = result.trace?.map((step) => step.kind);
    expect(kinds).toEqual([
      'extracted',
      'extracted',
      'candidates',
      'matched',
      'check_failed',
      'demoted',
      'matched',
      'created',
      'traits',
    ]);
    const messages = result.trace?.map((step) => step.message).join('\n');
    expect(messages).toContain('profile P1 holds email "jane@example.com"');
    expect(messages).toContain('2 user_id values');
    expect(messages).toContain('Demoted email "jane@example.com", the lowest-priority candidate (reason limit)');
    expect(messages).toContain('Would create a new profile');
    // Times read as an admin reads them, in UTC and saying so.
    expect(messages).toMatch(/created at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})? UTC\)/);
    expect(messages).toContain('Would set the trait email on the new profile');
    expect(messages).not.toContain('would-be');
    expect(result.trace?.find((step) => step.kind === 'created')?.attempt).toBe(2);
  });

  it('a trace explains blocked, invalid and rejected values', async () => {
    const world = createWorld();
    const blocked = await world.send({ type: 'identify', userId: 'null', traits: { email: 'nope' } }, { trace: true });
    const text = blocked.trace?.map((step) => step.message).join('\n');
    expect(text).toContain('Dropped user_id "null" (blocked): it matches the blocked value "null"');
    expect(text).toContain(
      'Dropped email "nope" from traits.email (invalid): it is not an email address (local@domain).',
    );
    expect(text).toContain('unresolved');
    // Each invalid value is told what is wrong with it, not every rule at once.
    const reasons = await world.send(
      {
        type: 'identify',
        userId: 'x'.repeat(256),
        traits: { email: ` ${'a'.repeat(250)}@example.com`, phone: true },
      },
      { trace: true },
    );
    const reasonText = reasons.trace?.map((step) => step.message).join('\n');
    expect(reasonText).toContain('from userId (invalid): it is longer than 255 characters once normalized.');
    expect(reasonText).toContain('from traits.email (invalid): it is longer than 255 characters once normalized.');
    expect(reasonText).toContain(
      'Dropped phone "true" from traits.phone (invalid): only a string or a finite number can be an identifier value.',
    );
    const rejected = await world.send({ type: 'nope' }, { trace: true });
    expect(rejected.trace?.[0]?.kind).toBe('rejected');
  });

  it('results carry no trace unless asked', async () => {
    const world = createWorld();
    expect(await world.send({ type: 'identify', userId: 'u1' })).not.toHaveProperty('trace');
  });

  it('planResolution reports unrecognised externalIds types', async () => {
    const world = createWorld();
    const decision = await planResolution({
      settings: world.settings,
      event: { type: 'identify', userId: 'u1', context: { externalIds: [{ id: 'z', type: 'zendesk_id' }] } },
      store: world.store,
      now: world.now,
      newId: world.newId,
    });
    expect(decision.unrecognizedExternalIdTypes).toEqual(['zendesk_id']);
    expect(decision.plan?.profile?.create).toEqual({ createdAt: world.now() });
  });

  it('a merge that adds no value new to the space says the merged profiles bring the rest', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', anonymousId: 'home', traits: { email: 'jane@example.com' } });
    await world.send({ type: 'page', anonymousId: 'kiosk' });
    const result = await previewEvent({
      settings: world.settings,
      event: { type: 'identify', anonymousId: 'kiosk', traits: { email: 'jane@example.com' } },
      store: world.store,
      now: world.now,
      newId: world.newId,
    });
    expect(result).toMatchObject({ outcome: 'merged', addedIdentifiers: [] });
    expect(result.trace?.filter((step) => step.kind === 'added').map((step) => step.message)).toEqual([
      'With the profiles merged into it, profile P1 would hold every candidate: no value new to the space added.',
    ]);
  });

  it("a failed limit check names the values that count: those already held and this event's", async () => {
    const world = createWorld(presetSettings({ anonymous_id: { limit: { count: 10, window: 'weekly' } } }));
    await world.send({ type: 'identify', userId: 'u-2001', traits: { email: 'maria@example.com' } });
    for (let i = 1; i <= 7; i++) await world.send({ type: 'identify', userId: 'u-2001', anonymousId: `a${i}` });
    const checks = async (settings: ResolverSettings, event: Record<string, unknown>) => {
      const result = await previewEvent({ settings, event, store: world.store, now: world.now, newId: world.newId });
      return (result.trace ?? []).filter((step) => step.kind === 'check_failed').map((step) => step.message);
    };

    expect(
      await checks(world.settings, { type: 'identify', userId: 'u-9999', traits: { email: 'maria@example.com' } }),
    ).toEqual([
      'Check failed: the profile would hold 2 user_id values: "u-2001" (already held) and "u-9999" (from this event). Its limit is 1.',
    ]);
    // The limit lowered to 5 since: the seven held are kept, quoted up to five, and may not grow.
    const tightened = presetSettings({ anonymous_id: { limit: { count: 5, window: 'weekly' } } });
    expect(await checks(tightened, { type: 'identify', userId: 'u-2001', anonymousId: 'a8' })).toEqual([
      'Check failed: the profile would hold 8 anonymous_id values first seen within 7 days (the weekly window): "a1", "a2", "a3", "a4", "a5" and 2 more (already held) and "a8" (from this event). Its limit is 5 weekly; a profile already holding 7 keeps them, but may not take more.',
    ]);
  });

  it('the preview says which externalIds types it ignored, and why', async () => {
    const world = createWorld();
    const result = await previewEvent({
      settings: world.settings,
      event: { type: 'identify', userId: 'u1', context: { externalIds: [{ id: 'z', type: 'zendesk_id' }] } },
      store: world.store,
      now: world.now,
      newId: world.newId,
    });
    expect(result.trace).toContainEqual({
      attempt: 0,
      kind: 'dropped',
      message:
        'Ignored context.externalIds of type "zendesk_id": no identifier has that key. Add an identifier with the key "zendesk_id" to use these IDs.',
    });
  });
});

describe('settings', () => {
  it('identifiers are ranked by their priority field', async () => {
    const shuffled: Identifier[] = [...presetSettings().identifiers].reverse();
    const world = createWorld({ defaultCountry: 'US', identifiers: shuffled });
    await world.send({ type: 'identify', userId: 'u1', traits: { email: 'a@x.y' } });
    const result = await world.send({ type: 'identify', userId: 'u2', traits: { email: 'a@x.y' } });
    expect(result.droppedIdentifiers).toEqual([{ key: 'email', value: 'a@x.y', reason: 'limit' }]);
  });
});

describe('pre-validated events', () => {
  it("parseEvent reads the effective timestamp once: the event's own, else the received time", () => {
    const receivedAt = T0 + DAY;
    expect(parseEvent({ type: 'track', userId: 'u1', timestamp: day(0) }, receivedAt)).toMatchObject({
      ok: true,
      at: T0,
    });
    expect(parseEvent({ type: 'track', userId: 'u1' }, receivedAt)).toMatchObject({ ok: true, at: receivedAt });
    expect(parseEvent({ type: 'track', userId: 'u1', timestamp: null }, receivedAt)).toMatchObject({
      ok: true,
      at: receivedAt,
    });
  });

  it('a pre-validated event resolves at the timestamp parseEvent read', async () => {
    const world = createWorld();
    const receivedAt = world.now();
    const parsed = parseEvent({ type: 'identify', userId: 'u1', messageId: 'm1', timestamp: day(3) }, receivedAt);
    if (!parsed.ok) throw new Error('the event should be valid');
    const result = await resolveParsedEvent({ ...world, ...parsed, receivedAt });
    expect(result.outcome).toBe('created');
    const profile = await world.store.getProfile('P1');
    expect(profile?.createdAt).toBe(T0 + 3 * DAY);
    expect(profile?.identifiers).toEqual([{ key: 'user_id', value: 'u1', firstSeenAt: T0 + 3 * DAY }]);
  });
});
