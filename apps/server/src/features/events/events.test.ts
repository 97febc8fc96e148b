import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, issuePaths } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('events API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  async function send(space: string, event: Record<string, unknown>) {
    const response = await t.http.post(`/api/v1/spaces/${space}/events`).send(event);
    expect(response.status, response.text).toBe(200);
    return response.body.results[0];
  }

  async function profile(space: string, id: string) {
    return (await t.http.get(`/api/v1/spaces/${space}/profiles/${id}`).expect(200)).body;
  }

  const values = (p: { identifiers: Array<{ key: string; value: string }> }) =>
    p.identifiers.map((identifier) => `${identifier.key}:${identifier.value}`).sort();

  it('resolves an event without identifiers as unresolved and writes nothing', async () => {
    const space = await createSpace(t.http);
    const result = await send(space, { type: 'track', event: 'Viewed' });
    expect(result).toMatchObject({
      outcome: 'unresolved',
      profileId: null,
      addedIdentifiers: [],
      droppedIdentifiers: [],
    });
    expect(result.messageId).toEqual(expect.any(String));
    // No profile is written (SPEC §7 step 1), but the message id is processed once (§7.7): a repeat,
    // even one that now carries a usable value, is a duplicate of the first result and changes nothing.
    const event = { type: 'identify', messageId: 'only-blocked', anonymousId: 'anonymous' };
    const first = await send(space, event);
    expect(first).toMatchObject({
      outcome: 'unresolved',
      droppedIdentifiers: [{ key: 'anonymous_id', reason: 'blocked' }],
    });
    expect(await send(space, { ...event, userId: 'u1' })).toEqual({ ...first, outcome: 'duplicate' });
    const lookup = await t.http
      .post(`/api/v1/spaces/${space}/profiles/lookup`)
      .send({ identifier: 'user_id', value: 'u1' })
      .expect(200);
    expect(lookup.body.profiles).toEqual([]);
  });

  it('worked example: anonymous to known', async () => {
    const space = await createSpace(t.http);
    const first = await send(space, { type: 'page', anonymousId: 'anon_123' });
    expect(first.outcome).toBe('created');
    const second = await send(space, { type: 'identify', userId: 'u1', anonymousId: 'anon_123' });
    expect(second).toMatchObject({
      outcome: 'matched',
      profileId: first.profileId,
      addedIdentifiers: [{ key: 'user_id', value: 'u1' }],
    });
    expect(values(await profile(space, first.profileId))).toEqual(['anonymous_id:anon_123', 'user_id:u1']);
  });

  it('worked example: demotion keeps the email on P1 and creates P2 for the new user id', async () => {
    const space = await createSpace(t.http);
    const p1 = await send(space, { type: 'identify', userId: 'abc123', traits: { email: 'jane@example.com' } });
    const event = await send(space, { type: 'identify', userId: 'abc456', traits: { email: 'Jane@Example.com' } });
    expect(event.outcome).toBe('created');
    expect(event.profileId).not.toBe(p1.profileId);
    expect(event.droppedIdentifiers).toEqual([{ key: 'email', value: 'jane@example.com', reason: 'limit' }]);
    expect(values(await profile(space, p1.profileId))).toEqual(['email:jane@example.com', 'user_id:abc123']);
    expect(values(await profile(space, event.profileId))).toEqual(['user_id:abc456']);
  });

  it('worked example: merge into the older profile, whose old id then answers 308', async () => {
    const space = await createSpace(t.http);
    const e1 = await send(space, { type: 'page', anonymousId: 'a1' });
    await send(space, { type: 'identify', anonymousId: 'a1', traits: { email: 'jane@example.com' } });
    const e3 = await send(space, { type: 'page', anonymousId: 'a2' });
    const e4 = await send(space, { type: 'identify', anonymousId: 'a2', traits: { email: 'jane@example.com' } });
    expect(e4).toMatchObject({ outcome: 'merged', profileId: e1.profileId, mergedProfileIds: [e3.profileId] });
    const survivor = await profile(space, e1.profileId);
    expect(values(survivor)).toEqual(['anonymous_id:a1', 'anonymous_id:a2', 'email:jane@example.com']);
    expect(survivor).toMatchObject({ mergedFrom: [e3.profileId], mergeCount: 1 });
    const redirect = await t.http.get(`/api/v1/spaces/${space}/profiles/${e3.profileId}`).redirects(0);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe(`/api/v1/spaces/${space}/profiles/${e1.profileId}`);
    // No text/plain sentence that a JSON client would stumble on.
    expect(redirect.headers['content-length']).toBe('0');
    const events = await t.http.get(`/api/v1/spaces/${space}/profiles/${e3.profileId}/events`).expect(200);
    expect(events.body.events).toHaveLength(4);
  });

  it("pages a merged profile's events with cursors that its survivor's address reads too", async () => {
    const space = await createSpace(t.http);
    const first = await send(space, { type: 'page', anonymousId: 'a1' });
    await send(space, { type: 'identify', anonymousId: 'a1', traits: { email: 'jane@example.com' } });
    const merged = await send(space, { type: 'page', anonymousId: 'a2' });
    await send(space, { type: 'identify', anonymousId: 'a2', traits: { email: 'jane@example.com' } });
    const eventsOf = (id: string, query: Record<string, string>) =>
      t.http.get(`/api/v1/spaces/${space}/profiles/${id}/events`).query(query).expect(200);
    const all = (await eventsOf(first.profileId, {})).body.events.map((event: { id: string }) => event.id);
    expect(all).toHaveLength(4);
    // Started on the merged id, continued on the survivor's, and the other way round: one list.
    const fromMerged = await eventsOf(merged.profileId, { limit: '2' });
    const onSurvivor = await eventsOf(first.profileId, { limit: '2', cursor: fromMerged.body.nextCursor });
    expect([...fromMerged.body.events, ...onSurvivor.body.events].map((event: { id: string }) => event.id)).toEqual(
      all,
    );
    const fromSurvivor = await eventsOf(first.profileId, { limit: '3' });
    const onMerged = await eventsOf(merged.profileId, { cursor: fromSurvivor.body.nextCursor });
    expect(onMerged.body.events.map((event: { id: string }) => event.id)).toEqual(all.slice(3));
    // Another profile's cursor is still refused.
    const other = await send(space, { type: 'page', anonymousId: 'other' });
    await send(space, { type: 'page', anonymousId: 'other' });
    const otherPage = await eventsOf(other.profileId, { limit: '1' });
    expectProblem(
      await t.http
        .get(`/api/v1/spaces/${space}/profiles/${first.profileId}/events`)
        .query({ cursor: otherPage.body.nextCursor }),
      400,
      'validation_failed',
    );
  });

  it('a tombstone of a merged profile follows the next merge to the new survivor', async () => {
    const space = await createSpace(t.http);
    const p1 = await send(space, { type: 'page', anonymousId: 'a1', timestamp: '2024-03-01T00:00:00Z' });
    const p2 = await send(space, { type: 'page', anonymousId: 'a2', timestamp: '2024-03-02T00:00:00Z' });
    const p3 = await send(space, { type: 'page', anonymousId: 'a3', timestamp: '2024-03-03T00:00:00Z' });
    // a3's profile merges into a2's, then a2's (holding a3's values) into a1's.
    const link = (anonymousId: string, other: string) => ({
      type: 'track',
      event: 'Linked',
      anonymousId,
      context: { externalIds: [{ type: 'anonymous_id', id: other }] },
    });
    expect(await send(space, link('a2', 'a3'))).toMatchObject({ outcome: 'merged', profileId: p2.profileId });
    expect(await send(space, link('a1', 'a2'))).toMatchObject({
      outcome: 'merged',
      profileId: p1.profileId,
      mergedProfileIds: [p2.profileId],
    });
    for (const merged of [p2.profileId, p3.profileId]) {
      const redirect = await t.http.get(`/api/v1/spaces/${space}/profiles/${merged}`).redirects(0);
      expect(redirect.status).toBe(308);
      expect(redirect.headers.location).toBe(`/api/v1/spaces/${space}/profiles/${p1.profileId}`);
    }
    const survivor = await profile(space, p1.profileId);
    expect(values(survivor)).toEqual(['anonymous_id:a1', 'anonymous_id:a2', 'anonymous_id:a3']);
    expect(survivor).toMatchObject({ mergedFrom: [p2.profileId, p3.profileId], mergeCount: 2 });
  });

  it('worked example: shared device protection', async () => {
    const space = await createSpace(t.http);
    const u1 = await send(space, { type: 'identify', userId: 'u1', anonymousId: 'a1' });
    const u2 = await send(space, { type: 'identify', userId: 'u2', anonymousId: 'a1' });
    expect(u2.outcome).toBe('created');
    expect(u2.droppedIdentifiers).toEqual([{ key: 'anonymous_id', value: 'a1', reason: 'limit' }]);
    expect(values(await profile(space, u1.profileId))).toEqual(['anonymous_id:a1', 'user_id:u1']);
  });

  it('drops blocked and invalid values with their reasons and resolves on the rest', async () => {
    const space = await createSpace(t.http);
    const result = await send(space, {
      type: 'identify',
      userId: 'anonymous',
      anonymousId: 'a-9',
      traits: { email: 'not an email', phone: '(415) 555-0100' },
    });
    expect(result.outcome).toBe('created');
    expect(result.droppedIdentifiers).toEqual(
      expect.arrayContaining([
        { key: 'user_id', value: 'anonymous', reason: 'blocked' },
        { key: 'email', value: 'not an email', reason: 'invalid' },
      ]),
    );
    expect(values(await profile(space, result.profileId))).toEqual(['anonymous_id:a-9', 'phone:+14155550100']);
  });

  it('blocks a phone number written as the admin typed it, and reads null optional fields as not sent', async () => {
    const space = await createSpace(t.http);
    await t.http
      .patch(`/api/v1/spaces/${space}/identifiers/phone`)
      .send({ blockedValues: [{ value: '(415) 555-0100', match: 'exact' }] })
      .expect(200);
    const result = await send(space, {
      type: 'identify',
      messageId: null,
      timestamp: null,
      userId: 'u-7',
      traits: { phone: '+1 415 555 0100' },
      context: { externalIds: ['not an entry', { id: 'x' }] },
    });
    expect(result).toMatchObject({
      outcome: 'created',
      droppedIdentifiers: [{ key: 'phone', value: '+14155550100', reason: 'blocked' }],
    });
    expect(result.messageId).toEqual(expect.any(String));
  });

  it('merges traits, newest event timestamp winning', async () => {
    const space = await createSpace(t.http);
    const first = await send(space, {
      type: 'identify',
      userId: 'u1',
      timestamp: '2026-01-02T00:00:00Z',
      traits: { plan: 'pro', name: 'Jane' },
    });
    await send(space, { type: 'identify', userId: 'u1', timestamp: '2026-01-01T00:00:00Z', traits: { plan: 'free' } });
    await send(space, {
      type: 'identify',
      userId: 'u1',
      timestamp: '2026-01-03T00:00:00Z',
      context: { traits: { name: 'Jane Doe' } },
    });
    expect((await profile(space, first.profileId)).traits).toEqual({ plan: 'pro', name: 'Jane Doe' });
  });

  it('processes a message id once and answers a repeat as duplicate', async () => {
    const space = await createSpace(t.http);
    const first = await send(space, { type: 'page', messageId: 'm-1', anonymousId: 'x1' });
    const again = await send(space, { type: 'page', messageId: 'm-1', anonymousId: 'x2' });
    expect(again).toMatchObject({ messageId: 'm-1', outcome: 'duplicate', profileId: first.profileId });
    const lookup = await t.http
      .post(`/api/v1/spaces/${space}/profiles/lookup`)
      .send({ identifier: 'anonymous_id', value: 'x2' })
      .expect(200);
    expect(lookup.body.profiles).toEqual([]);
  });

  it('answers a single invalid event with 400 and rejects only the invalid events of a batch', async () => {
    const space = await createSpace(t.http);
    const invalid = await t.http.post(`/api/v1/spaces/${space}/events`).send({ type: 'explode', userId: 'u1' });
    expectProblem(invalid, 400, 'validation_failed');
    expect(issuePaths(invalid)).toEqual(['type']);
    const future = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .send({ type: 'page', anonymousId: 'a', timestamp: '2999-01-01T00:00:00Z' });
    expect(issuePaths(future)).toEqual(['timestamp']);
    const batch = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .send({
        batch: [
          { type: 'page', anonymousId: 'b1' },
          { userId: 'no type' },
          { type: 'identify', userId: 'u9', anonymousId: 'b1' },
        ],
      })
      .expect(200);
    expect(batch.body.results.map((result: { outcome: string }) => result.outcome)).toEqual([
      'created',
      'rejected',
      'matched',
    ]);
    expect(batch.body.results[1].error).toBeDefined();
    expectProblem(
      await t.http
        .post(`/api/v1/spaces/${space}/events`)
        .send({ batch: Array.from({ length: 1001 }, () => ({ type: 'page' })) }),
      400,
      'validation_failed',
    );
    // One event or a batch, not both: the event's fields beside the batch are refused, not dropped.
    const both = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .send({ batch: [{ type: 'page', anonymousId: 'b2' }], type: 'identify', userId: 'u10' });
    expect(expectProblem(both, 400, 'validation_failed').detail).toMatch(/Unrecognized keys: "type", "userId"/);
  });

  it('rejects an event with a "__proto__" trait instead of dropping the trait unseen, alone in a batch', async () => {
    const space = await createSpace(t.http);
    const post = (json: string) =>
      t.http.post(`/api/v1/spaces/${space}/events`).set('Content-Type', 'application/json').send(json);
    const single = await post('{"type":"identify","userId":"u1","traits":{"__proto__":"crm-1","plan":"gold"}}');
    expect(expectProblem(single, 400, 'validation_failed').issues).toEqual([
      { path: 'traits.__proto__', message: expect.stringMatching(/^A key named "__proto__" is not accepted/) },
    ]);
    const batch = await post(
      '{"batch":[{"type":"identify","userId":"u1","traits":{"plan":"gold"}},' +
        '{"type":"identify","userId":"u1","properties":{"__proto__":{"plan":"silver"}}}]}',
    ).expect(200);
    expect(batch.body.results.map((result: { outcome: string }) => result.outcome)).toEqual(['created', 'rejected']);
    expect(batch.body.results[1].error.issues).toEqual([{ path: 'properties.__proto__', message: expect.any(String) }]);
    expect((await profile(space, batch.body.results[0].profileId)).traits).toEqual({ plan: 'gold' });
  });

  it('says what a body without a type looks like it meant: a batch under another name, or a batch to preview', async () => {
    const space = await createSpace(t.http);
    const events = [{ type: 'page', anonymousId: 'h1' }];
    const misnamed = await t.http.post(`/api/v1/spaces/${space}/events`).send({ events });
    expectProblem(misnamed, 400, 'validation_failed');
    expect(issuePaths(misnamed)).toEqual(['events', 'type']);
    expect(misnamed.body.issues[0].message).toBe('Send one event, or several as { "batch": [event, …] }');
    const previewed = await t.http.post(`/api/v1/spaces/${space}/events/preview`).send({ batch: events });
    expectProblem(previewed, 400, 'validation_failed');
    expect(issuePaths(previewed)).toEqual(['batch', 'type']);
    expect(previewed.body.detail).toMatch(
      /^batch: Preview takes one event, not a batch: send the event itself; type: /,
    );
    // An array is not an event: the answer says what the body should be.
    const array = await t.http.post(`/api/v1/spaces/${space}/events`).send(events);
    expectProblem(array, 400, 'validation_failed');
    expect(array.body.detail).toBe('Send one event as a JSON object, or several as { "batch": [event, …] }');
    // An event with a type keeps its own issues only.
    expect(issuePaths(await t.http.post(`/api/v1/spaces/${space}/events`).send({ type: 'x', list: [] }))).toEqual([
      'type',
    ]);
  });

  it('refuses an event nested too deeply for any serializer as invalid, never with a 500', async () => {
    const space = await createSpace(t.http);
    // ~26 KB of JSON, under the 32 KiB limit, but 4,300 levels deep: JSON.stringify runs out of stack.
    const depth = 4300;
    const body = `{"type":"identify","userId":"u1","traits":{"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
    const post = (path: string, text: string) =>
      t.http.post(`/api/v1/spaces/${space}/${path}`).set('Content-Type', 'application/json').send(text);
    const single = await post('events', body);
    expectProblem(single, 400, 'validation_failed');
    expect(single.body.issues[0].message).toContain('levels deep');
    expectProblem(await post('events/preview', body), 400, 'validation_failed');
    const batch = await post('events', `{"batch":[${body},{"type":"page","anonymousId":"a1"}]}`).expect(200);
    expect(batch.body.results.map((result: { outcome: string }) => result.outcome)).toEqual(['rejected', 'created']);
  });

  it('previews with a trace and writes nothing', async () => {
    const space = await createSpace(t.http);
    const preview = await t.http
      .post(`/api/v1/spaces/${space}/events/preview`)
      .send({ type: 'identify', userId: 'p1' })
      .expect(200);
    expect(preview.body).toMatchObject({ outcome: 'created', profileId: null });
    expect(preview.body.trace.length).toBeGreaterThan(0);
    const lookup = await t.http
      .post(`/api/v1/spaces/${space}/profiles/lookup`)
      .send({ identifier: 'user_id', value: 'p1' })
      .expect(200);
    expect(lookup.body.profiles).toEqual([]);
  });

  it('applies settings changes to events received after them', async () => {
    const space = await createSpace(t.http);
    await send(space, { type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } });
    await t.http
      .patch(`/api/v1/spaces/${space}/identifiers/email`)
      .send({ blockedValues: [{ value: 'b@example.com', match: 'exact' }] })
      .expect(200);
    const blocked = await send(space, { type: 'identify', userId: 'u2', traits: { email: 'B@example.com' } });
    expect(blocked.droppedIdentifiers).toEqual([{ key: 'email', value: 'b@example.com', reason: 'blocked' }]);
  });
});

describe.each(kinds)('unrecognised external-id types on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  it('lists external-id types that match no identifier until one is added for them', async () => {
    const space = await createSpace(t.http);
    const externalIds = [
      { id: 'C-1', type: 'crm_id', collection: 'users' },
      { id: 'X', type: 'Loyalty Card', collection: 'users' },
      { id: 'u1', type: 'user_id', collection: 'users' },
    ];
    for (let i = 0; i < 2; i += 1) {
      await t.http
        .post(`/api/v1/spaces/${space}/events`)
        .send({ type: 'identify', context: { externalIds } })
        .expect(200);
    }
    const listed = await t.http.get(`/api/v1/spaces/${space}/unrecognized-identifier-types`).expect(200);
    expect(
      listed.body.types
        .map((entry: { type: string; eventCount: number; addable: boolean }) => [
          entry.type,
          entry.eventCount,
          entry.addable,
        ])
        .sort(),
    ).toEqual([
      ['Loyalty Card', 2, false],
      ['crm_id', 2, true],
    ]);
    await t.http.post(`/api/v1/spaces/${space}/identifiers`).send({ key: 'crm_id' }).expect(201);
    const after = await t.http.get(`/api/v1/spaces/${space}/unrecognized-identifier-types`).expect(200);
    expect(after.body.types.map((entry: { type: string }) => entry.type)).toEqual(['Loyalty Card']);
    const recognised = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .send({ type: 'identify', context: { externalIds: [{ id: 'C-2', type: 'crm_id' }] } })
      .expect(200);
    expect(recognised.body.results[0].addedIdentifiers).toEqual([{ key: 'crm_id', value: 'C-2' }]);
  });
});
