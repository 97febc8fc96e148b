import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.ts';
import { createStore } from '../../store/store.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';
import { pruneEventHistory, startEventHistoryRetention } from './event-history-retention.ts';

const kinds = await availableStoreKinds();
const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-01T09:00:00Z');

describe.each(kinds)('event history retention on %s', (kind) => {
  let t: TestApp;
  let clock = START;
  // A database each: a pruning spans every space of it.
  beforeEach(async () => {
    t = await createTestApp(kind, { now: () => new Date(clock) });
  });
  afterEach(() => t.dispose());

  const send = async (space: string, event: Record<string, unknown>) => {
    const response = await t.http.post(`/api/v1/spaces/${space}/events`).send(event);
    expect(response.status, response.text).toBe(200);
    return response.body.results[0];
  };
  const historyOf = async (space: string, profileId: string) =>
    (await t.http.get(`/api/v1/spaces/${space}/profiles/${profileId}/events`).expect(200)).body.events.map(
      (event: { messageId: string }) => event.messageId,
    );

  it('deletes the events received before the retention period, in every space, and nothing else', async () => {
    const [first, second] = [await createSpace(t.http), await createSpace(t.http)];
    clock = START;
    const created = await send(first, {
      type: 'identify',
      messageId: 'old-1',
      userId: 'u1',
      traits: { email: 'jane@example.com', plan: 'pro' },
    });
    await send(first, { type: 'track', event: 'Clicked', messageId: 'old-2', userId: 'u1' });
    const elsewhere = await send(second, { type: 'identify', messageId: 'old-3', userId: 'u9' });
    clock = START + 10 * DAY;
    await send(first, { type: 'track', event: 'Ordered', messageId: 'new-1', userId: 'u1' });

    // Kept for 7 days, pruned on day 10: the three events of day 0 go, day 10's stays.
    expect(await pruneEventHistory(t.store, 7, new Date(clock + 60_000))).toBe(3);
    expect(await historyOf(first, created.profileId)).toEqual(['new-1']);
    expect(await historyOf(second, elsewhere.profileId)).toEqual([]);
    // The profile itself is untouched: identifiers, traits.
    const profile = (await t.http.get(`/api/v1/spaces/${first}/profiles/${created.profileId}`).expect(200)).body;
    expect(profile.identifiers.map((identifier: { value: string }) => identifier.value).sort()).toEqual([
      'jane@example.com',
      'u1',
    ]);
    expect(profile.traits).toEqual({ email: 'jane@example.com', plan: 'pro' });
    // Message ids are still processed once (SPEC §7.7): an old one sent again is a duplicate.
    expect((await send(first, { type: 'identify', messageId: 'old-1', userId: 'u1' })).outcome).toBe('duplicate');
    // Nothing older is left: a second run deletes nothing.
    expect(await pruneEventHistory(t.store, 7, new Date(clock + 60_000))).toBe(0);
  });

  it('keeps an event received exactly at the start of the period, and deletes a backlog in several statements', async () => {
    const space = await createSpace(t.http);
    clock = START + 100 * DAY;
    const created = await send(space, { type: 'identify', messageId: 'b-0', userId: 'backlog' });
    for (let n = 1; n <= 4; n++)
      await send(space, { type: 'track', event: 'Seen', messageId: `b-${n}`, userId: 'backlog' });
    clock = START + 101 * DAY;
    await send(space, { type: 'track', event: 'Seen', messageId: 'b-edge', userId: 'backlog' });

    // A pruning stopped (the server shutting down) deletes nothing more.
    const stopped = AbortSignal.abort();
    expect(await pruneEventHistory(t.store, 1, new Date(clock + DAY), { signal: stopped })).toBe(0);
    expect(await historyOf(space, created.profileId)).toHaveLength(6);
    // Two rows a statement: the five old events take three statements.
    expect(await pruneEventHistory(t.store, 1, new Date(clock + DAY), { rowsPerStatement: 2 })).toBe(5);
    expect(await historyOf(space, created.profileId)).toEqual(['b-edge']);
  });
});

describe('the retention schedule', () => {
  it('prunes at start and says how much it deleted; a run that fails is logged and the schedule goes on', async () => {
    const t = await createTestApp('sqlite', { now: () => new Date(START) });
    const lines: { level: number; msg: string; deleted?: number; retentionDays?: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    try {
      const space = await createSpace(t.http);
      await t.http.post(`/api/v1/spaces/${space}/events`).send({ type: 'identify', userId: 'u1' }).expect(200);
      const retention = startEventHistoryRetention({
        store: t.store,
        days: 30,
        logger,
        now: () => new Date(START + 31 * DAY),
        intervalMs: 20,
      });
      await expect
        .poll(() => lines.find((line) => line.deleted !== undefined))
        .toMatchObject({
          level: 30,
          msg: 'deleted event history past its retention',
          deleted: 1,
          retentionDays: 30,
        });
      await retention.stop();
    } finally {
      await t.dispose();
    }

    // A database that does not answer: each run logs a warning, and the process carries on.
    const closed = createStore(openDatabase('sqlite::memory:'));
    await closed.close();
    const failing = startEventHistoryRetention({ store: closed, days: 30, logger, intervalMs: 20 });
    await expect.poll(() => lines.filter((line) => line.level === 40).length).toBeGreaterThanOrEqual(2);
    await failing.stop();
    expect(lines.find((line) => line.level === 40)?.msg).toBe(
      'could not delete old event history; trying again at the next interval',
    );
  });
});
