import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, issuePaths } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('settings export and import on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const path = (space: string) => `/api/v1/spaces/${space}/settings`;

  it('exports the whole configuration with its version as ETag', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.get(path(space)).expect(200);
    expect(response.body).toMatchObject({ defaultCountry: 'US', mappings: { phone: 'phone', email: 'email' } });
    expect(response.body.identifiers).toHaveLength(4);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
  });

  it('refuses a field the settings document does not have, instead of importing without it', async () => {
    const space = await createSpace(t.http);
    const exported = (await t.http.get(path(space)).expect(200)).body;
    const response = await t.http.put(path(space)).send({ ...exported, name: 'Renamed?' });
    expect(expectProblem(response, 400, 'validation_failed').detail).toMatch(/Unrecognized key: "name"/);
    expect((await t.http.get(path(space)).expect(200)).body.version).toBe(exported.version);
  });

  it('round-trips an export into another space, ignoring the version in the body', async () => {
    const source = await createSpace(t.http, { defaultCountry: 'GB' });
    await t.http
      .post(`/api/v1/spaces/${source}/identifiers`)
      .send({ key: 'crm_id', displayName: 'CRM', priority: 1 })
      .expect(201);
    await t.http
      .patch(`/api/v1/spaces/${source}/identifiers/phone`)
      .send({ blockedValues: [{ value: '^\\+44', match: 'regex' }] })
      .expect(200);
    const exported = (await t.http.get(path(source)).expect(200)).body;
    const target = await createSpace(t.http, { preset: 'empty' });
    const imported = await t.http
      .put(path(target))
      .send({ ...exported, version: 999 })
      .expect(200);
    expect(imported.body.identifiers).toEqual(exported.identifiers);
    expect(imported.body.mappings).toEqual(exported.mappings);
    expect(imported.body.defaultCountry).toBe('GB');
    const again = (await t.http.get(path(target)).expect(200)).body;
    expect({ ...again, version: 0 }).toEqual({ ...exported, version: 0 });
    expect(imported.headers.etag).toBe(`"${again.version}"`);
  });

  it('imports back what it exported after identifiers were added with their defaults', async () => {
    const space = await createSpace(t.http);
    const identifiers = `/api/v1/spaces/${space}/identifiers`;
    const longKey = 'k'.repeat(64);
    await t.http
      .post(identifiers)
      .send({ key: longKey, sourceKeys: ['x'] })
      .expect(201);
    await t.http.post(identifiers).send({ key: 'crm.id' }).expect(201);
    await t.http.post(identifiers).send({ key: 'group_id', sourceKeys: [] }).expect(201);
    const exported = (await t.http.get(path(space)).expect(200)).body;
    expect(exported.identifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: longKey, displayName: longKey }),
        expect.objectContaining({ key: 'crm.id', sourceKeys: ['crm.id'] }),
        expect.objectContaining({ key: 'group_id', sourceKeys: [] }),
      ]),
    );
    const imported = await t.http.put(path(space)).send(exported).expect(200);
    expect(imported.body.identifiers).toEqual(exported.identifiers);
  });

  it('refuses on import a long display name that is not the key, and source keys on a built-in', async () => {
    const space = await createSpace(t.http, { preset: 'empty' });
    const response = await t.http.put(path(space)).send({
      defaultCountry: 'US',
      identifiers: [
        { key: 'k'.repeat(64), displayName: 'x'.repeat(51) },
        { key: 'email', sourceKeys: ['mail'] },
      ],
      mappings: { phone: null, email: null },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toEqual(['identifiers.0.displayName', 'identifiers.1.sourceKeys']);
  });

  it('takes the default country in any case and stores it in upper case', async () => {
    const space = await createSpace(t.http);
    const exported = (await t.http.get(path(space)).expect(200)).body;
    const imported = await t.http
      .put(path(space))
      .send({ ...exported, defaultCountry: 'gb' })
      .expect(200);
    expect(imported.body.defaultCountry).toBe('GB');
    expect((await t.http.get(path(space)).expect(200)).body.defaultCountry).toBe('GB');
    expect((await t.http.get(`/api/v1/spaces/${space}`).expect(200)).body.defaultCountry).toBe('GB');
  });

  it('orders identifiers by the list when priorities are left out, and fills defaults', async () => {
    const space = await createSpace(t.http);
    const response = await t.http
      .put(path(space))
      .send({
        defaultCountry: 'US',
        identifiers: [{ key: 'email' }, { key: 'user_id' }],
        mappings: { phone: null, email: 'email' },
      })
      .expect(200);
    expect(
      response.body.identifiers.map((identifier: { key: string; priority: number }) => [
        identifier.priority,
        identifier.key,
      ]),
    ).toEqual([
      [1, 'email'],
      [2, 'user_id'],
    ]);
    expect(response.body.identifiers[1].limit).toEqual({ count: 1, window: 'ever' });
  });

  it('refuses an invalid document as a whole, listing every problem, and changes nothing', async () => {
    const space = await createSpace(t.http);
    const before = (await t.http.get(path(space)).expect(200)).body;
    const response = await t.http.put(path(space)).send({
      defaultCountry: 'US',
      identifiers: [
        { key: 'email', displayName: 'Contact', priority: 1 },
        { key: 'phone', displayName: 'contact', priority: 2 },
        { key: 'email', priority: 3 },
        { key: 'crm_id', priority: 4, blockedValues: [{ value: '(a+)+$', match: 'regex' }] },
      ],
      mappings: { phone: 'ghost', email: 'email' },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toEqual(
      expect.arrayContaining([
        'identifiers.2.key',
        'identifiers.1.displayName',
        'identifiers.3.blockedValues.0.value',
        'mappings.phone',
      ]),
    );
    expect((await t.http.get(path(space)).expect(200)).body).toEqual(before);
  });

  it('refuses a misspelt field of an identifier, its limit or a blocked value instead of ignoring it', async () => {
    const space = await createSpace(t.http);
    const before = (await t.http.get(path(space)).expect(200)).body;
    const response = await t.http.put(path(space)).send({
      defaultCountry: 'US',
      identifiers: [
        { key: 'email', normalisation: 'none' },
        { key: 'user_id', limit: { count: 2, windows: 'daily' } },
        { key: 'crm_id', sourceKeys: ['crm'], blockedValues: [{ value: 'x', match: 'exact', matches: 'regex' }] },
      ],
      mappings: { phone: null, email: 'email' },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(response.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'identifiers.0', message: 'Unrecognized key: "normalisation"' },
        expect.objectContaining({ path: 'identifiers.1.limit' }),
        expect.objectContaining({ path: 'identifiers.2.blockedValues.0' }),
      ]),
    );
    expect((await t.http.get(path(space)).expect(200)).body).toEqual(before);
  });

  it('takes a body nested thousands of levels deep without a 500: NUL deep inside is refused, a deep version ignored', async () => {
    // JSON.parse takes any depth; the walk for unstorable text once recursed and overflowed the stack.
    const space = await createSpace(t.http);
    const before = (await t.http.get(path(space)).expect(200)).body;
    const deep = (inner: string) => `${'['.repeat(20_000)}${inner}${']'.repeat(20_000)}`;
    // `version` is the one field a document may carry that nothing reads: any value goes there.
    const document = (version: string) =>
      `{"defaultCountry":"US","identifiers":[],"mappings":{"phone":null,"email":null},"version":${version}}`;
    const withNul = await t.http
      .put(path(space))
      .set('Content-Type', 'application/json')
      .send(document(deep('"x\\u0000"')));
    expectProblem(withNul, 400, 'validation_failed');
    expect(withNul.body.issues[0].message).toMatch(/NUL/);
    expect((await t.http.get(path(space)).expect(200)).body).toEqual(before);
    const badVersion = await t.http
      .put(path(space))
      .set('Content-Type', 'application/json')
      .send(document(deep('1')));
    expect(badVersion.status).toBe(200);
    expect(badVersion.body.identifiers).toEqual([]);
  });

  it('reports the schema problems and those of the document as a whole in one answer', async () => {
    const space = await createSpace(t.http);
    const before = (await t.http.get(path(space)).expect(200)).body;
    const response = await t.http.put(path(space)).send({
      defaultCountry: 'US',
      identifiers: [
        { key: 'email', displayName: '', priority: 1 },
        { key: 'phone', displayName: 'Contact', priority: 2, limit: { count: 0, window: 'ever' } },
        { key: 'crm_id', displayName: 'contact', priority: 3 },
        { key: 'crm_id', priority: 4, blockedValues: [{ value: '(a+)+$', match: 'regex' }] },
      ],
      mappings: { phone: 'ghost', email: 'email' },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toEqual(
      expect.arrayContaining([
        'identifiers.0.displayName',
        'identifiers.1.limit.count',
        'identifiers.3.key',
        'identifiers.3.blockedValues.0.value',
        'mappings.phone',
      ]),
    );
    // Each problem once, though the identifiers the schema refused are read again for the rest.
    expect(new Set(issuePaths(response)).size).toBe(issuePaths(response).length);
    expect((await t.http.get(path(space)).expect(200)).body).toEqual(before);
  });

  it('refuses priorities that are not 1..n', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.put(path(space)).send({
      defaultCountry: 'US',
      identifiers: [
        { key: 'email', priority: 1 },
        { key: 'user_id', priority: 3 },
      ],
      mappings: { phone: null, email: null },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toEqual(['identifiers']);
  });

  it('honours If-Match on import', async () => {
    const space = await createSpace(t.http);
    const exported = (await t.http.get(path(space)).expect(200)).body;
    await t.http.put(path(space)).set('If-Match', `"${exported.version}"`).send(exported).expect(200);
    expectProblem(
      await t.http.put(path(space)).set('If-Match', `"${exported.version}"`).send(exported),
      412,
      'version_conflict',
    );
  });
});
