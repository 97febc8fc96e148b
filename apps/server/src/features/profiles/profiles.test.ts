import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { migrateToLatest, openDatabase } from '../../store/database.ts';
import { createStore } from '../../store/store.ts';
import { expectProblem } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('profile lookups on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const lookup = (space: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/spaces/${space}/profiles/lookup`).send(body);

  it('finds the profile of an incoming call by a national phone number', async () => {
    const space = await createSpace(t.http);
    const event = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .send({ type: 'identify', userId: 'u1', traits: { phone: '+1 415 555 0100' } })
      .expect(200);
    const response = await lookup(space, { addressType: 'phone', address: 'tel:(415) 555-0100' }).expect(200);
    expect(response.body).toMatchObject({
      identifier: { key: 'phone', displayName: 'phone' },
      normalizedValue: '+14155550100',
      created: false,
    });
    expect(response.body.profiles.map((p: { id: string }) => p.id)).toEqual([event.body.results[0].profileId]);
    expect(response.body.profiles[0].identifiers[0]).toEqual({
      key: 'user_id',
      displayName: 'user_id',
      value: 'u1',
      firstSeenAt: expect.any(String),
    });
  });

  it('creates a blank profile with createIfNotFound, once', async () => {
    const space = await createSpace(t.http);
    const first = await lookup(space, {
      addressType: 'email',
      address: ' New@Example.com ',
      createIfNotFound: true,
    }).expect(200);
    expect(first.body).toMatchObject({ normalizedValue: 'new@example.com', created: true });
    expect(first.body.profiles[0].identifiers).toEqual([
      expect.objectContaining({ key: 'email', value: 'new@example.com' }),
    ]);
    const second = await lookup(space, {
      addressType: 'email',
      address: 'new@example.com',
      createIfNotFound: true,
    }).expect(200);
    expect(second.body).toMatchObject({ created: false, profiles: [{ id: first.body.profiles[0].id }] });
  });

  it('shows display names next to identifiers', async () => {
    const space = await createSpace(t.http);
    await t.http.patch(`/api/v1/spaces/${space}/identifiers/email`).send({ displayName: 'Email address' }).expect(200);
    const response = await lookup(space, { addressType: 'email', address: 'x@example.com' }).expect(200);
    expect(response.body.identifier).toEqual({ key: 'email', displayName: 'Email address' });
    expect(response.body.profiles).toEqual([]);
  });

  it('answers 422 for an unmapped address type or an unreadable address, 404 for an unknown identifier', async () => {
    const space = await createSpace(t.http);
    await t.http.put(`/api/v1/spaces/${space}/address-type-mappings`).send({ phone: null, email: 'email' }).expect(200);
    expectProblem(
      await lookup(space, { addressType: 'phone', address: '+14155550100' }),
      422,
      'address_type_not_mapped',
    );
    expectProblem(await lookup(space, { addressType: 'email', address: 'not-an-email' }), 422, 'invalid_address');
    expectProblem(await lookup(space, { identifier: 'ghost', value: 'x' }), 404, 'identifier_not_found');
    expectProblem(await lookup(space, { addressType: 'fax', address: 'x' }), 400, 'validation_failed');
    expectProblem(await t.http.get(`/api/v1/spaces/${space}/profiles/nope`), 404, 'profile_not_found');
  });

  it('names the field to fix in every lookup problem', async () => {
    const space = await createSpace(t.http);
    const paths = async (body: Record<string, unknown>, status: number) =>
      (await lookup(space, body).expect(status)).body.issues.map((issue: { path: string }) => issue.path);
    expect(await paths({ identifier: 'phone', value: 'zzz' }, 422)).toEqual(['value']);
    expect(await paths({ addressType: 'phone', address: 'zzz' }, 422)).toEqual(['address']);
    expect(await paths({ identifier: 'ghost', value: 'x' }, 404)).toEqual(['identifier']);
    // A body that fits neither form of the lookup gets the issues of the form it came closest to.
    expect(await paths({ addressType: 'email', address: 5 }, 400)).toEqual(['address']);
    expect(await paths({ identifier: 'email' }, 400)).toEqual(['value']);
    expect(await paths({}, 400)).toEqual(['addressType', 'address']);
  });

  it('says which form a lookup takes when a body mixes the two', async () => {
    const space = await createSpace(t.http);
    const both = await lookup(space, {
      addressType: 'email',
      address: 'a@example.com',
      identifier: 'email',
      value: 'a',
    });
    expectProblem(both, 400, 'validation_failed');
    expect(both.body.issues).toEqual([
      {
        path: '',
        message:
          'Look up either by address ({ addressType, address, createIfNotFound? }) or by identifier ({ identifier, value }), not both',
      },
    ]);
    const creating = await lookup(space, { identifier: 'user_id', value: 'u1', createIfNotFound: true });
    expectProblem(creating, 400, 'validation_failed');
    expect(creating.body.issues.map((issue: { path: string }) => issue.path)).toEqual(['createIfNotFound']);
    expect(creating.body.detail).toMatch(/^createIfNotFound: Only a lookup by address/);
    // Clients that always send the flag: false is what a lookup by identifier does anyway.
    const notCreating = await lookup(space, { identifier: 'user_id', value: 'nobody', createIfNotFound: false });
    expect(notCreating.status, notCreating.text).toBe(200);
    expect(notCreating.body).toMatchObject({ normalizedValue: 'nobody', profiles: [], created: false });
  });
});

describe.runIf(kinds.includes('postgres'))('two server processes on one PostgreSQL database', () => {
  let t: TestApp;
  let second: { http: ReturnType<typeof request>; close: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestApp('postgres');
    const store = createStore(openDatabase(t.url));
    await migrateToLatest(store.db);
    second = { http: request(createApp({ store, logger: pino({ level: 'silent' }) })), close: () => store.close() };
  });
  afterAll(async () => {
    await second.close();
    await t.dispose();
  });

  it('never creates two profiles for one identifier value and loses no merge', async () => {
    const space = await createSpace(t.http);
    const servers = [t.http, second.http];
    // 40 events at once, alternating servers: all about one customer seen on 8 devices.
    const events = Array.from({ length: 40 }, (_, i) => ({
      type: 'identify',
      anonymousId: `device-${i % 8}`,
      traits: { email: 'jane@example.com' },
    }));
    const responses = await Promise.all(
      events.map((event, i) => servers[i % 2]!.post(`/api/v1/spaces/${space}/events`).send(event)),
    );
    for (const response of responses) expect(response.status, response.text).toBe(200);
    const ids = new Set(responses.map((response) => response.body.results[0].profileId));
    expect(ids.size).toBe(1);
    const found = await t.http
      .post(`/api/v1/spaces/${space}/profiles/lookup`)
      .send({ identifier: 'email', value: 'jane@example.com' })
      .expect(200);
    const anonymous = found.body.profiles[0].identifiers.filter(
      (identifier: { key: string }) => identifier.key === 'anonymous_id',
    );
    // The preset allows 5 anonymous ids a week: the rest were demoted, none went to another profile.
    expect(anonymous).toHaveLength(5);
  });

  it('keeps one profile per customer when overlapping batches race on both servers', async () => {
    const space = await createSpace(t.http);
    const servers = [t.http, second.http];
    // 12 batches of 30 events about 6 customers, each customer in every batch, in shuffled order.
    const batches = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 30 }, (_, i) => {
        const customer = (i + b) % 6;
        return { type: 'identify', userId: `user-${customer}`, anonymousId: `device-${customer}-${(i * 7 + b) % 4}` };
      }),
    );
    const responses = await Promise.all(
      batches.map((batch, i) => servers[i % 2]!.post(`/api/v1/spaces/${space}/events`).send({ batch })),
    );
    for (const response of responses) expect(response.status, response.text).toBe(200);
    const profileOf = new Map<string, Set<string>>();
    for (const [b, response] of responses.entries()) {
      response.body.results.forEach((result: { profileId: string }, i: number) => {
        const user = batches[b]![i]!.userId;
        profileOf.set(user, (profileOf.get(user) ?? new Set()).add(result.profileId));
      });
    }
    expect([...profileOf.values()].map((ids) => ids.size)).toEqual([1, 1, 1, 1, 1, 1]);
    for (let customer = 0; customer < 6; customer += 1) {
      const sent = new Set(
        batches
          .flat()
          .filter((event) => event.userId === `user-${customer}`)
          .map((event) => event.anonymousId),
      );
      const found = await t.http
        .post(`/api/v1/spaces/${space}/profiles/lookup`)
        .send({ identifier: 'user_id', value: `user-${customer}` })
        .expect(200);
      const devices = found.body.profiles[0].identifiers
        .filter((identifier: { key: string }) => identifier.key === 'anonymous_id')
        .map((identifier: { value: string }) => identifier.value);
      // Within the anonymous-id limit (5 a week), so every device the customer used is on the profile.
      expect(sent.size).toBeLessThanOrEqual(5);
      expect(new Set(devices)).toEqual(sent);
    }
  });

  it('loses no value when merges of one customer race on both servers', async () => {
    const space = await createSpace(t.http);
    const servers = [t.http, second.http];
    const customers = [0, 1, 2, 3, 4, 5];
    const devices = (customer: number) => [0, 1, 2, 3].map((device) => `c${customer}-device-${device}`);
    const send = (event: Record<string, unknown>, i: number) =>
      servers[i % 2]!.post(`/api/v1/spaces/${space}/events`).send(event);
    // Each device of each customer first gets a profile of its own…
    const anonymous = await Promise.all(
      customers.flatMap(devices).map((anonymousId, i) => send({ type: 'page', anonymousId }, i)),
    );
    const firstProfiles = anonymous.map((response) => response.body.results[0].profileId as string);
    expect(new Set(firstProfiles).size).toBe(24);
    // …then every device signs in at once: each sign-in merges a device's profile into the customer's.
    const signIns = await Promise.all(
      customers
        .flatMap((customer) => devices(customer).map((anonymousId) => ({ anonymousId, userId: `user-${customer}` })))
        .map((ids, i) => send({ type: 'identify', ...ids }, i)),
    );
    for (const response of signIns) expect(response.status, response.text).toBe(200);
    for (const customer of customers) {
      const found = await t.http
        .post(`/api/v1/spaces/${space}/profiles/lookup`)
        .send({ identifier: 'user_id', value: `user-${customer}` })
        .expect(200);
      expect(found.body.profiles).toHaveLength(1);
      const survivor = found.body.profiles[0];
      const held = survivor.identifiers
        .filter((identifier: { key: string }) => identifier.key === 'anonymous_id')
        .map((identifier: { value: string }) => identifier.value);
      expect(new Set(held)).toEqual(new Set(devices(customer)));
      // Every profile a device started on is the survivor now, or resolves to it.
      for (const [i, anonymousId] of customers.flatMap(devices).entries()) {
        if (!anonymousId.startsWith(`c${customer}-`)) continue;
        const profile = await t.http.get(`/api/v1/spaces/${space}/profiles/${firstProfiles[i]}`).redirects(0);
        if (profile.status === 308) expect(profile.headers.location).toMatch(new RegExp(`/profiles/${survivor.id}$`));
        else expect(profile.body.id).toBe(survivor.id);
      }
      expect(survivor.mergeCount).toBe(survivor.mergedFrom.length);
    }
  });
});
