import { MAX_IDENTIFIERS_PER_SPACE, SUGGESTED_BLOCKED_VALUES } from '@idr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLoopGapDuring } from '../../test-support/event-loop-gap.ts';
import { expectProblem, issuePaths } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('identifiers API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const base = (space: string) => `/api/v1/spaces/${space}/identifiers`;

  async function keysInOrder(space: string) {
    const response = await t.http.get(base(space)).expect(200);
    return response.body.identifiers.map((identifier: { key: string; priority: number }) => [
      identifier.priority,
      identifier.key,
    ]);
  }

  it('answers one identifier with the settings version as its ETag, the base of a PATCH', async () => {
    const space = await createSpace(t.http);
    const list = await t.http.get(base(space)).expect(200);
    const one = await t.http.get(`${base(space)}/email`).expect(200);
    expect(one.headers.etag).toBe(`"${list.body.version}"`);
    expect(one.body).toEqual(list.body.identifiers.find((identifier: { key: string }) => identifier.key === 'email'));
    const patched = await t.http
      .patch(`${base(space)}/email`)
      .set('If-Match', String(one.headers.etag))
      .send({ displayName: 'Email' })
      .expect(200);
    expect((await t.http.get(`${base(space)}/email`).expect(200)).headers.etag).toBe(patched.headers.etag);
  });

  it('lists the contact-center preset in priority order with its version as a strong ETag', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.get(base(space)).expect(200);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    expect(response.body.identifiers).toEqual([
      {
        key: 'user_id',
        kind: 'default',
        displayName: 'user_id',
        priority: 1,
        limit: { count: 1, window: 'ever' },
        normalization: 'trim',
        blockedValues: SUGGESTED_BLOCKED_VALUES,
        sourceKeys: [],
      },
      {
        key: 'email',
        kind: 'default',
        displayName: 'email',
        priority: 2,
        limit: { count: 5, window: 'ever' },
        normalization: 'email',
        blockedValues: SUGGESTED_BLOCKED_VALUES,
        sourceKeys: [],
      },
      {
        key: 'phone',
        kind: 'custom',
        displayName: 'phone',
        priority: 3,
        limit: { count: 5, window: 'ever' },
        normalization: 'phone',
        blockedValues: SUGGESTED_BLOCKED_VALUES,
        sourceKeys: ['phone'],
      },
      {
        key: 'anonymous_id',
        kind: 'default',
        displayName: 'anonymous_id',
        priority: 4,
        limit: { count: 5, window: 'weekly' },
        normalization: 'trim',
        blockedValues: SUGGESTED_BLOCKED_VALUES,
        sourceKeys: [],
      },
    ]);
  });

  it('creates a custom identifier with the defaults of SPEC §2, last in priority', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.post(base(space)).send({ key: 'crm_id' }).expect(201);
    expect(response.body).toEqual({
      key: 'crm_id',
      kind: 'custom',
      displayName: 'crm_id',
      priority: 5,
      limit: { count: 5, window: 'ever' },
      normalization: 'trim',
      blockedValues: SUGGESTED_BLOCKED_VALUES,
      sourceKeys: ['crm_id'],
    });
    expect(response.headers.etag).toMatch(/^"\d+"$/);
    expect(response.headers.location).toBe(`/api/v1/spaces/${space}/identifiers/crm_id`);
  });

  it('creates built-ins as kind default, user_id with a limit of 1 and phone with phone normalization', async () => {
    const space = await createSpace(t.http, { preset: 'empty' });
    const userId = await t.http.post(base(space)).send({ key: 'user_id' }).expect(201);
    expect(userId.body).toMatchObject({
      kind: 'default',
      priority: 1,
      limit: { count: 1, window: 'ever' },
      sourceKeys: [],
    });
    const phone = await t.http
      .post(base(space))
      .send({ key: 'phone', sourceKeys: ['phone_number'] })
      .expect(201);
    expect(phone.body).toMatchObject({ kind: 'custom', normalization: 'phone', sourceKeys: ['phone_number'] });
    const email = await t.http.post(base(space)).send({ key: 'email' }).expect(201);
    expect(email.body).toMatchObject({ kind: 'default', normalization: 'email', priority: 3 });
  });

  it('inserts at a given position and renumbers the others in their order', async () => {
    const space = await createSpace(t.http);
    await t.http.post(base(space)).send({ key: 'crm_id', priority: 2, displayName: 'CRM id' }).expect(201);
    expect(await keysInOrder(space)).toEqual([
      [1, 'user_id'],
      [2, 'crm_id'],
      [3, 'email'],
      [4, 'phone'],
      [5, 'anonymous_id'],
    ]);
    const beyond = await t.http.post(base(space)).send({ key: 'other', priority: 7 });
    expectProblem(beyond, 400, 'validation_failed');
    expect(issuePaths(beyond)).toEqual(['priority']);
  });

  it('refuses a 201st identifier, as import does, so that an export always imports back', async () => {
    const space = await createSpace(t.http, { preset: 'empty' });
    const identifiers = Array.from({ length: MAX_IDENTIFIERS_PER_SPACE }, (_, i) => ({
      key: `crm_${i}`,
      sourceKeys: [`crm_${i}`],
    }));
    await t.http
      .put(`/api/v1/spaces/${space}/settings`)
      .send({ defaultCountry: 'US', identifiers, mappings: { phone: null, email: null } })
      .expect(200);
    const refused = await t.http.post(base(space)).send({ key: 'one_more', sourceKeys: ['x'] });
    expectProblem(refused, 400, 'validation_failed');
    expect(refused.body.issues[0].message).toMatch(/at most 200 identifiers/);
    const exported = (await t.http.get(`/api/v1/spaces/${space}/settings`).expect(200)).body;
    expect(exported.identifiers).toHaveLength(MAX_IDENTIFIERS_PER_SPACE);
    await t.http.put(`/api/v1/spaces/${space}/settings`).send(exported).expect(200);
    await t.http.delete(`${base(space)}/crm_0`).expect(204);
    await t.http
      .post(base(space))
      .send({ key: 'one_more', sourceKeys: ['x'] })
      .expect(201);
  });

  it('refuses a key that exists with 409 identifier_exists', async () => {
    const space = await createSpace(t.http);
    expectProblem(await t.http.post(base(space)).send({ key: 'email' }), 409, 'identifier_exists');
  });

  it.each([
    ['an upper-case key', { key: 'Email' }, 'key'],
    ['the reserved key', { key: 'priority' }, 'key'],
    ['a key of 65 characters', { key: `a${'b'.repeat(64)}` }, 'key'],
    ['a key starting with a digit', { key: '1abc' }, 'key'],
    ['a wrong kind', { key: 'group_id', kind: 'custom' }, 'kind'],
    ['source keys on a built-in', { key: 'group_id', sourceKeys: ['group'] }, 'sourceKeys'],
    ['eleven source keys', { key: 'crm_id', sourceKeys: Array.from({ length: 11 }, (_, i) => `k${i}`) }, 'sourceKeys'],
    ['a limit of 0', { key: 'crm_id', limit: { count: 0, window: 'ever' } }, 'limit.count'],
    ['a limit of 1001', { key: 'crm_id', limit: { count: 1001, window: 'ever' } }, 'limit.count'],
    ['a fractional limit', { key: 'crm_id', limit: { count: 1.5, window: 'ever' } }, 'limit.count'],
    ['an unknown window', { key: 'crm_id', limit: { count: 2, window: 'hourly' } }, 'limit.window'],
    ['an unknown normalization', { key: 'crm_id', normalization: 'upper' }, 'normalization'],
    ['an unknown field', { key: 'crm_id', colour: 'red' }, ''],
  ])('refuses %s with 400 validation_failed on the field', async (_name, body, path) => {
    const space = await createSpace(t.http);
    const response = await t.http.post(base(space)).send(body);
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toContain(path);
    expect(await keysInOrder(space)).toHaveLength(4);
  });

  describe('display names', () => {
    it('trims, saves, and resets to the key with null', async () => {
      const space = await createSpace(t.http);
      const saved = await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: '  Email address ' })
        .expect(200);
      expect(saved.body.displayName).toBe('Email address');
      const list = await t.http.get(base(space)).expect(200);
      expect(list.body.identifiers[1].displayName).toBe('Email address');
      const reset = await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: null })
        .expect(200);
      expect(reset.body.displayName).toBe('email');
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['51 characters', 'x'.repeat(51)],
      ['a line break', 'Email\naddress'],
      ['a tab', 'Email\taddress'],
      ['a number', 42],
    ])('refuses a display name that is %s', async (_name, displayName) => {
      const space = await createSpace(t.http);
      const response = await t.http.patch(`${base(space)}/email`).send({ displayName });
      expectProblem(response, 400, 'validation_failed');
      expect(issuePaths(response)).toEqual(['displayName']);
    });

    it('accepts exactly 50 characters and non-Latin letters', async () => {
      const space = await createSpace(t.http);
      await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: 'é'.repeat(50) })
        .expect(200);
      await t.http
        .patch(`${base(space)}/phone`)
        .send({ displayName: '電話番号' })
        .expect(200);
    });

    it('refuses a display name another identifier has, ignoring case', async () => {
      const space = await createSpace(t.http);
      await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: 'Contact' })
        .expect(200);
      const clash = await t.http.patch(`${base(space)}/phone`).send({ displayName: 'CONTACT' });
      const problem = expectProblem(clash, 400, 'validation_failed');
      expect(problem.issues).toEqual([{ path: 'displayName', message: expect.stringContaining('"email"') }]);
      const byKey = await t.http.patch(`${base(space)}/phone`).send({ displayName: 'User_ID' });
      expectProblem(byKey, 400, 'validation_failed');
      const created = await t.http.post(base(space)).send({ key: 'contact' });
      expect(issuePaths(created)).toEqual(['displayName']);
    });

    it('keeps its own name when saved again in another case', async () => {
      const space = await createSpace(t.http);
      await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: 'email' })
        .expect(200);
      await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: 'EMAIL' })
        .expect(200);
    });
  });

  it('changes limit, normalization, blocked values and source keys', async () => {
    const space = await createSpace(t.http);
    const response = await t.http
      .patch(`${base(space)}/phone`)
      .send({
        limit: { count: 3, window: 'monthly' },
        normalization: 'trim',
        blockedValues: [{ value: '^\\+1555', match: 'regex' }],
        sourceKeys: ['phone', 'mobile'],
      })
      .expect(200);
    expect(response.body).toMatchObject({
      limit: { count: 3, window: 'monthly' },
      normalization: 'trim',
      blockedValues: [{ value: '^\\+1555', match: 'regex' }],
      sourceKeys: ['phone', 'mobile'],
      priority: 3,
    });
    expectProblem(await t.http.patch(`${base(space)}/email`).send({ sourceKeys: ['mail'] }), 400, 'validation_failed');
    expectProblem(await t.http.patch(`${base(space)}/email`).send({ priority: 1 }), 400, 'validation_failed');
  });

  it.each([
    [
      'catastrophic backtracking',
      '(a+)+$',
      /^This pattern can make matching extremely slow \(catastrophic backtracking\)\./,
    ],
    ['nested quantifiers over alternatives', '^(a|aa)+$', /catastrophic backtracking/],
    ["a nested repeat that nothing follows (OWASP's example)", '(a+)+', /catastrophic backtracking/],
    ['a pattern that does not compile', '([a-z', /^Not a valid regular expression: .*Unterminated character class$/],
    ['a pattern of 201 characters', `^${'a'.repeat(200)}`, /at most 200 characters/],
  ])('refuses a blocked regex with %s', async (_name, value, message) => {
    const space = await createSpace(t.http);
    const response = await t.http.patch(`${base(space)}/email`).send({ blockedValues: [{ value, match: 'regex' }] });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.issues?.[0]?.path).toBe('blockedValues.0.value');
    expect(problem.issues?.[0]?.message).toMatch(message);
  });

  it('keeps the event loop turning while it judges a pattern that takes recheck a second', async () => {
    const space = await createSpace(t.http);
    // Of its own per store: a verdict, once judged, is remembered for the whole process.
    const slow = `(.*${kind === 'sqlite' ? 'g' : 'h'}){22}$`;
    // The app runs in this process: while recheck worked in this thread, the event loop, and with
    // it every other request (events, lookups, health checks), would stand still.
    const { result, longestGapMs, tookMs } = await eventLoopGapDuring(async () =>
      t.http.patch(`${base(space)}/email`).send({ blockedValues: [{ value: slow, match: 'regex' }] }),
    );
    expect(expectProblem(result, 400, 'validation_failed').issues?.[0]?.message).toMatch(/catastrophic/);
    expect(tookMs).toBeGreaterThan(200);
    expect(longestGapMs).toBeLessThan(tookMs / 4);
  });

  it('refuses more than 100 blocked values and accepts 100', async () => {
    const space = await createSpace(t.http);
    const values = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `v${i}`, match: 'exact' }));
    expectProblem(
      await t.http.patch(`${base(space)}/email`).send({ blockedValues: values(101) }),
      400,
      'validation_failed',
    );
    await t.http
      .patch(`${base(space)}/email`)
      .send({ blockedValues: values(100) })
      .expect(200);
  });

  it('answers 404 for an unknown identifier or space', async () => {
    const space = await createSpace(t.http);
    expectProblem(await t.http.patch(`${base(space)}/nope`).send({ displayName: 'x' }), 404, 'identifier_not_found');
    expectProblem(await t.http.delete(`${base(space)}/nope`), 404, 'identifier_not_found');
    expectProblem(await t.http.get(`${base(space)}/NOT-A-KEY`), 404, 'identifier_not_found');
    expectProblem(await t.http.get(base('no-such-space')), 404, 'space_not_found');
    expectProblem(await t.http.get(base('Not_A_Space')), 404, 'space_not_found');
    expectProblem(await t.http.post(base('no-such-space')).send({ key: 'x' }), 404, 'space_not_found');
  });

  it('deletes an unmapped identifier and closes the gap in priorities', async () => {
    const space = await createSpace(t.http);
    await t.http.delete(`${base(space)}/user_id`).expect(204);
    expect(await keysInOrder(space)).toEqual([
      [1, 'email'],
      [2, 'phone'],
      [3, 'anonymous_id'],
    ]);
  });

  it('refuses to delete a mapped identifier until it is unmapped', async () => {
    const space = await createSpace(t.http);
    expectProblem(await t.http.delete(`${base(space)}/phone`), 409, 'identifier_mapped');
    await t.http.put(`/api/v1/spaces/${space}/address-type-mappings`).send({ phone: null, email: 'email' }).expect(200);
    await t.http.delete(`${base(space)}/phone`).expect(204);
  });

  it('reorders priority with every key and refuses partial or unknown lists', async () => {
    const space = await createSpace(t.http);
    const response = await t.http
      .put(`${base(space)}/priority`)
      .send({ keys: ['email', 'user_id', 'anonymous_id', 'phone'] })
      .expect(200);
    expect(response.body.identifiers.map((identifier: { key: string }) => identifier.key)).toEqual([
      'email',
      'user_id',
      'anonymous_id',
      'phone',
    ]);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    for (const keys of [
      ['email', 'user_id'],
      ['email', 'user_id', 'anonymous_id', 'phone', 'ghost'],
      ['email', 'email', 'user_id', 'anonymous_id', 'phone'],
      [],
    ]) {
      expectProblem(await t.http.put(`${base(space)}/priority`).send({ keys }), 400, 'validation_failed');
    }
    expect((await keysInOrder(space)).map(([, key]: [number, string]) => key)).toEqual([
      'email',
      'user_id',
      'anonymous_id',
      'phone',
    ]);
  });

  describe('defaults the server accepts back (audit findings)', () => {
    const longKey = 'k'.repeat(64);

    it('defaults the display name to a 64-character key and takes that name back on PATCH and import', async () => {
      const space = await createSpace(t.http);
      const created = await t.http
        .post(base(space))
        .send({ key: longKey, sourceKeys: ['x'] })
        .expect(201);
      expect(created.body.displayName).toBe(longKey);
      await t.http
        .post(base(space))
        .send({ key: `${longKey.slice(1)}j`, displayName: `${longKey.slice(1)}j` })
        .expect(201);
      await t.http
        .patch(`${base(space)}/${longKey}`)
        .send({ displayName: 'Short' })
        .expect(200);
      const back = await t.http
        .patch(`${base(space)}/${longKey}`)
        .send({ displayName: ` ${longKey} ` })
        .expect(200);
      expect(back.body.displayName).toBe(longKey);
      await t.http
        .patch(`${base(space)}/${longKey}`)
        .send({ displayName: null })
        .expect(200);
      const settings = `/api/v1/spaces/${space}/settings`;
      const exported = (await t.http.get(settings).expect(200)).body;
      const imported = await t.http.put(settings).send(exported).expect(200);
      expect(imported.body.identifiers).toEqual(exported.identifiers);
    });

    it('refuses any other display name over 50 characters, on POST and PATCH', async () => {
      const space = await createSpace(t.http);
      const other = 'x'.repeat(51);
      const created = await t.http.post(base(space)).send({ key: longKey, displayName: other });
      const problem = expectProblem(created, 400, 'validation_failed');
      expect(problem.issues).toEqual([{ path: 'displayName', message: 'Use at most 50 characters' }]);
      await t.http.post(base(space)).send({ key: longKey }).expect(201);
      for (const displayName of [other, `${longKey}k`, 'user_id'.padEnd(64, '_')]) {
        const patched = await t.http.patch(`${base(space)}/${longKey}`).send({ displayName });
        expectProblem(patched, 400, 'validation_failed');
        expect(issuePaths(patched)).toEqual(['displayName']);
      }
      // Another identifier's key of 64 characters is not a display name this one may have (it is
      // also that identifier's display name, so the clash is reported too).
      const patched = await t.http.patch(`${base(space)}/email`).send({ displayName: longKey });
      const othersName = expectProblem(patched, 400, 'validation_failed');
      expect(othersName.issues).toContainEqual({ path: 'displayName', message: 'Use at most 50 characters' });
    });

    it('reads a dotted key from the trait named like it, and takes dotted and dashed source keys back', async () => {
      const space = await createSpace(t.http);
      const created = await t.http.post(base(space)).send({ key: 'crm.id' }).expect(201);
      expect(created.body.sourceKeys).toEqual(['crm.id']);
      await t.http
        .patch(`${base(space)}/crm.id`)
        .send({ sourceKeys: created.body.sourceKeys })
        .expect(200);
      const patched = await t.http
        .patch(`${base(space)}/crm.id`)
        .send({ sourceKeys: ['crm.id', 'crm-id', 'crmId'] })
        .expect(200);
      expect(patched.body.sourceKeys).toEqual(['crm.id', 'crm-id', 'crmId']);
      await t.http
        .post(base(space))
        .send({ key: 'loyalty', sourceKeys: ['loyalty-number'] })
        .expect(201);
      const settings = `/api/v1/spaces/${space}/settings`;
      const exported = (await t.http.get(settings).expect(200)).body;
      await t.http.put(settings).send(exported).expect(200);
      for (const sourceKey of ['1crm', '.crm', '-crm', 'crm id']) {
        const refused = await t.http.patch(`${base(space)}/crm.id`).send({ sourceKeys: [sourceKey] });
        expectProblem(refused, 400, 'validation_failed');
        expect(issuePaths(refused)).toEqual(['sourceKeys.0']);
      }
    });

    it('takes an empty list of source keys on a built-in identifier, as GET shows it', async () => {
      const space = await createSpace(t.http, { preset: 'empty' });
      const created = await t.http.post(base(space)).send({ key: 'user_id', sourceKeys: [] }).expect(201);
      expect(created.body).toMatchObject({ kind: 'default', sourceKeys: [] });
      const patched = await t.http
        .patch(`${base(space)}/user_id`)
        .send({ sourceKeys: [] })
        .expect(200);
      expect(patched.body.sourceKeys).toEqual([]);
      const listed = (await t.http.get(`${base(space)}/user_id`).expect(200)).body;
      await t.http
        .patch(`${base(space)}/user_id`)
        .send({ sourceKeys: listed.sourceKeys })
        .expect(200);
    });

    it('refuses source keys on a built-in identifier, and no source keys on a custom one, on sourceKeys', async () => {
      const space = await createSpace(t.http);
      const builtIn = await t.http.patch(`${base(space)}/user_id`).send({ sourceKeys: ['uid'] });
      expect(expectProblem(builtIn, 400, 'validation_failed').issues).toEqual([
        { path: 'sourceKeys', message: expect.stringMatching(/^Source keys are for custom identifiers/) },
      ]);
      const createdBuiltIn = await t.http.post(base(space)).send({ key: 'group_id', sourceKeys: ['group'] });
      expect(expectProblem(createdBuiltIn, 400, 'validation_failed').issues).toEqual([
        { path: 'sourceKeys', message: expect.stringMatching(/^Source keys are for custom identifiers/) },
      ]);
      const custom = await t.http.patch(`${base(space)}/phone`).send({ sourceKeys: [] });
      expect(expectProblem(custom, 400, 'validation_failed').issues).toEqual([
        { path: 'sourceKeys', message: 'Add at least one source key' },
      ]);
      const createdCustom = await t.http.post(base(space)).send({ key: 'crm_id', sourceKeys: [] });
      expect(expectProblem(createdCustom, 400, 'validation_failed').issues).toEqual([
        { path: 'sourceKeys', message: 'Add at least one source key' },
      ]);
      expect((await t.http.get(`${base(space)}/phone`).expect(200)).body.sourceKeys).toEqual(['phone']);
    });

    it('refuses "__proto__" as a source key, a trait no event can carry, and reads "constructor" like any key', async () => {
      const space = await createSpace(t.http);
      const created = await t.http.post(base(space)).send({ key: 'crm_id', sourceKeys: ['crm', '__proto__'] });
      expect(expectProblem(created, 400, 'validation_failed').issues).toEqual([
        { path: 'sourceKeys', message: expect.stringMatching(/^"__proto__" cannot be a source key/) },
      ]);
      const patched = await t.http.patch(`${base(space)}/phone`).send({ sourceKeys: ['__proto__'] });
      expectProblem(patched, 400, 'validation_failed');
      await t.http
        .post(base(space))
        .send({ key: 'crm_id', sourceKeys: ['constructor'] })
        .expect(201);
      const absent = await t.http.post(`/api/v1/spaces/${space}/events`).send({ type: 'identify', userId: 'u1' });
      expect(absent.body.results[0].addedIdentifiers).toEqual([{ key: 'user_id', value: 'u1' }]);
      const present = await t.http
        .post(`/api/v1/spaces/${space}/events`)
        .send({ type: 'identify', userId: 'u1', traits: { constructor: 'C-1' } });
      expect(present.body.results[0].addedIdentifiers).toEqual([{ key: 'crm_id', value: 'C-1' }]);
    });

    it('refuses a body with a "__proto__" key, which parsing would drop, and changes nothing', async () => {
      const space = await createSpace(t.http);
      const patched = await t.http
        .patch(`${base(space)}/email`)
        .set('Content-Type', 'application/json')
        .send('{"displayName":"Work email","__proto__":{"displayName":"Hidden"}}');
      // A strict body names it as a key it does not know; other bodies get the storable-text walk's issue.
      expect(expectProblem(patched, 400, 'validation_failed').detail).toMatch(/"__proto__"/);
      expect((await t.http.get(`${base(space)}/email`).expect(200)).body.displayName).toBe('email');
    });

    it('sets the priority order of a space without identifiers with an empty list', async () => {
      const space = await createSpace(t.http, { preset: 'empty' });
      const before = await t.http.get(base(space)).expect(200);
      const response = await t.http
        .put(`${base(space)}/priority`)
        .send({ keys: [] })
        .expect(200);
      expect(response.body).toEqual({ identifiers: [], version: before.body.version + 1 });
      expect(response.headers.etag).toBe(`"${response.body.version}"`);
      const ghost = await t.http.put(`${base(space)}/priority`).send({ keys: ['ghost'] });
      expectProblem(ghost, 400, 'validation_failed');
      expect(issuePaths(ghost)).toEqual(['keys']);
    });
  });

  describe('If-Match', () => {
    it('applies a write based on the current version, quoted or bare, and raises the version', async () => {
      const space = await createSpace(t.http);
      const { body } = await t.http.get(base(space)).expect(200);
      const first = await t.http
        .patch(`${base(space)}/email`)
        .set('If-Match', `"${body.version}"`)
        .send({ displayName: 'A' })
        .expect(200);
      expect(first.headers.etag).toBe(`"${body.version + 1}"`);
      await t.http
        .patch(`${base(space)}/email`)
        .set('If-Match', String(body.version + 1))
        .send({ displayName: 'B' })
        .expect(200);
    });

    it('answers 412 version_conflict to a stale version on every settings write and changes nothing', async () => {
      const space = await createSpace(t.http);
      const { body } = await t.http.get(base(space)).expect(200);
      await t.http
        .patch(`${base(space)}/email`)
        .send({ displayName: 'Someone else' })
        .expect(200);
      const stale = `"${body.version}"`;
      const writes = [
        t.http
          .patch(`${base(space)}/email`)
          .set('If-Match', stale)
          .send({ displayName: 'Mine' }),
        t.http.post(base(space)).set('If-Match', stale).send({ key: 'crm_id' }),
        t.http.delete(`${base(space)}/user_id`).set('If-Match', stale),
        t.http
          .put(`${base(space)}/priority`)
          .set('If-Match', stale)
          .send({ keys: ['phone', 'email', 'user_id', 'anonymous_id'] }),
        t.http
          .put(`/api/v1/spaces/${space}/address-type-mappings`)
          .set('If-Match', stale)
          .send({ phone: null, email: null }),
        t.http.patch(`/api/v1/spaces/${space}`).set('If-Match', stale).send({ name: 'Renamed' }),
        t.http
          .put(`/api/v1/spaces/${space}/settings`)
          .set('If-Match', 'garbage')
          .send({ defaultCountry: 'US', identifiers: [], mappings: { phone: null, email: null } }),
      ];
      for (const response of await Promise.all(writes)) expectProblem(response, 412, 'version_conflict');
      const after = await t.http.get(base(space)).expect(200);
      expect(after.body.version).toBe(body.version + 1);
      expect(after.body.identifiers.map((identifier: { displayName: string }) => identifier.displayName)).toEqual([
        'user_id',
        'Someone else',
        'phone',
        'anonymous_id',
      ]);
    });
  });

  it('lets exactly one of two concurrent writes based on the same version win', async () => {
    const space = await createSpace(t.http);
    const { body } = await t.http.get(base(space)).expect(200);
    const results = await Promise.all(
      ['One', 'Two', 'Three'].map((displayName) =>
        t.http
          .patch(`${base(space)}/email`)
          .set('If-Match', `"${body.version}"`)
          .send({ displayName }),
      ),
    );
    expect(results.map((response) => response.status).sort()).toEqual([200, 412, 412]);
  });
});
