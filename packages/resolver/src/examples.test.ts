import { describe, expect, it } from 'vitest';
import { createWorld, day } from './test-support.ts';

function valuesOf(profile: { identifiers: readonly { key: string; value: string }[] } | undefined): string[] {
  return (profile?.identifiers ?? []).map((identifier) => `${identifier.key}=${identifier.value}`).sort();
}

describe('SPEC §7 worked examples', () => {
  it('Demotion: a second user_id demotes the email and creates a profile of its own', async () => {
    const world = createWorld();
    const first = await world.send({ type: 'identify', userId: 'abc123', traits: { email: 'jane@example.com' } });
    expect(first).toMatchObject({ outcome: 'created', profileId: 'P1' });
    const result = await world.send({ type: 'identify', userId: 'abc456', traits: { email: 'jane@example.com' } });
    expect(result).toMatchObject({
      outcome: 'created',
      profileId: 'P2',
      addedIdentifiers: [{ key: 'user_id', value: 'abc456' }],
      droppedIdentifiers: [{ key: 'email', value: 'jane@example.com', reason: 'limit' }],
    });
    expect(valuesOf(await world.store.getProfile('P1'))).toEqual(['email=jane@example.com', 'user_id=abc123']);
    expect(valuesOf(await world.store.getProfile('P2'))).toEqual(['user_id=abc456']);
  });

  it('Anonymous to known: the identify adds user_id to the anonymous profile', async () => {
    const world = createWorld();
    expect(await world.send({ type: 'page', anonymousId: 'anon_123' })).toMatchObject({ outcome: 'created' });
    const result = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'anon_123' });
    expect(result).toMatchObject({
      outcome: 'matched',
      profileId: 'P1',
      addedIdentifiers: [{ key: 'user_id', value: 'u1' }],
      droppedIdentifiers: [],
    });
    expect(valuesOf(await world.store.getProfile('P1'))).toEqual(['anonymous_id=anon_123', 'user_id=u1']);
  });

  it('Merge: E4 merges P2 into the older P1, which ends with two anonymous ids and one email', async () => {
    const world = createWorld();
    await world.send({ type: 'page', anonymousId: 'a1', timestamp: day(0) });
    await world.send({
      type: 'identify',
      anonymousId: 'a1',
      traits: { email: 'jane@example.com' },
      timestamp: day(0.1),
    });
    await world.send({ type: 'page', anonymousId: 'a2', timestamp: day(0.2) });
    const result = await world.send({
      type: 'identify',
      anonymousId: 'a2',
      traits: { email: 'jane@example.com' },
      timestamp: day(0.3),
    });
    expect(result).toMatchObject({
      outcome: 'merged',
      profileId: 'P1',
      mergedProfileIds: ['P2'],
      addedIdentifiers: [],
    });
    expect(valuesOf(await world.store.getProfile('P1'))).toEqual([
      'anonymous_id=a1',
      'anonymous_id=a2',
      'email=jane@example.com',
    ]);
    expect((await world.store.getProfile('P2'))?.id).toBe('P1');
    expect(await world.store.getProfile('P1')).toMatchObject({ mergeCount: 1, mergedFrom: ['P2'] });
  });

  it('Shared device protection: a second user on a device gets their own profile', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a1' });
    const result = await world.send({ type: 'identify', userId: 'u2', anonymousId: 'a1' });
    expect(result).toMatchObject({
      outcome: 'created',
      profileId: 'P2',
      addedIdentifiers: [{ key: 'user_id', value: 'u2' }],
      droppedIdentifiers: [{ key: 'anonymous_id', value: 'a1', reason: 'limit' }],
    });
    // u2 already has a profile: the event resolves to it.
    const again = await world.send({ type: 'track', event: 'x', userId: 'u2', anonymousId: 'a1' });
    expect(again).toMatchObject({ outcome: 'matched', profileId: 'P2' });
    expect(valuesOf(await world.store.getProfile('P1'))).toEqual(['anonymous_id=a1', 'user_id=u1']);
  });

  it('Window: five anonymous ids in the last 7 days refuse a sixth; one first seen 8 days ago no longer counts', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', anonymousId: 'old', timestamp: day(0) });
    for (let i = 1; i <= 4; i++) {
      await world.send({ type: 'identify', userId: 'u1', anonymousId: `a${i}`, timestamp: day(8 + i * 0.1) });
    }
    // "old" was first seen 8 days before: only a1..a4 are in the window, so a5 fits.
    const fifth = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a5', timestamp: day(8.5) });
    expect(fifth).toMatchObject({ outcome: 'matched', addedIdentifiers: [{ key: 'anonymous_id', value: 'a5' }] });
    // Now five in the window: a sixth is demoted.
    const sixth = await world.send({ type: 'identify', userId: 'u1', anonymousId: 'a6', timestamp: day(8.6) });
    expect(sixth).toMatchObject({
      outcome: 'matched',
      profileId: 'P1',
      droppedIdentifiers: [{ key: 'anonymous_id', value: 'a6', reason: 'limit' }],
    });
    expect(valuesOf(await world.store.getProfile('P1'))).toEqual([
      'anonymous_id=a1',
      'anonymous_id=a2',
      'anonymous_id=a3',
      'anonymous_id=a4',
      'anonymous_id=a5',
      'anonymous_id=old',
      'user_id=u1',
    ]);
    // A demoted value is dropped, not stored elsewhere: the event resolved on user_id alone.
    expect(world.store.profileHolding('anonymous_id', 'a6')).toBeUndefined();
  });
});
