import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, issuePaths } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';
import { createSpacesService } from './spaces.service.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('spaces API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  it('creates the default space with the contact-center preset once, on first start', async () => {
    const service = createSpacesService(t.store, () => new Date());
    expect(await service.ensureDefaultSpace()).toBe(true);
    expect(await service.ensureDefaultSpace()).toBe(false);
    const spaces = await t.http.get('/api/v1/spaces').expect(200);
    expect(spaces.body.spaces).toContainEqual({
      id: 'default',
      name: 'Default',
      defaultCountry: 'US',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const identifiers = await t.http.get('/api/v1/spaces/default/identifiers').expect(200);
    expect(identifiers.body.identifiers.map((identifier: { key: string }) => identifier.key)).toEqual([
      'user_id',
      'email',
      'phone',
      'anonymous_id',
    ]);
  });

  it('creates a space from a preset and answers 409 space_exists the second time', async () => {
    const created = await t.http
      .post('/api/v1/spaces')
      .send({ id: 'prod', name: 'Production', defaultCountry: 'GB' })
      .expect(201);
    expect(created.body).toEqual({
      id: 'prod',
      name: 'Production',
      defaultCountry: 'GB',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);
    expect(created.headers.location).toBe('/api/v1/spaces/prod');
    expectProblem(await t.http.post('/api/v1/spaces').send({ id: 'prod', name: 'Again' }), 409, 'space_exists');
  });

  it('creates an empty space with no identifiers and no mappings', async () => {
    const space = await createSpace(t.http, { preset: 'empty' });
    const identifiers = await t.http.get(`/api/v1/spaces/${space}/identifiers`).expect(200);
    expect(identifiers.body.identifiers).toEqual([]);
  });

  it('copies identifiers, mappings and default country from another space', async () => {
    const source = await createSpace(t.http, { defaultCountry: 'DE' });
    await t.http.patch(`/api/v1/spaces/${source}/identifiers/email`).send({ displayName: 'E-Mail' }).expect(200);
    await t.http.post(`/api/v1/spaces/${source}/identifiers`).send({ key: 'crm_id' }).expect(201);
    await t.http
      .put(`/api/v1/spaces/${source}/address-type-mappings`)
      .send({ phone: 'phone', email: null })
      .expect(200);
    const copy = await createSpace(t.http, { copyFrom: source });
    const [from, to] = await Promise.all(
      [source, copy].map((space) => t.http.get(`/api/v1/spaces/${space}/settings`).expect(200)),
    );
    expect(to!.body.identifiers).toEqual(from!.body.identifiers);
    expect(to!.body.mappings).toEqual({ phone: 'phone', email: null });
    expect(to!.body.defaultCountry).toBe('DE');
    expectProblem(
      await t.http.post('/api/v1/spaces').send({ id: 'x1', name: 'X', copyFrom: 'ghost' }),
      404,
      'space_not_found',
    );
  });

  it.each([
    ['an upper-case id', { id: 'Prod', name: 'P' }, 'id'],
    ['an id starting with a dash', { id: '-prod', name: 'P' }, 'id'],
    ['an id of 64 characters', { id: 'a'.repeat(64), name: 'P' }, 'id'],
    ['no name', { id: 'p2' }, 'name'],
    ['a lower-case country nobody is assigned', { id: 'p3', name: 'P', defaultCountry: 'zz' }, 'defaultCountry'],
    ['a country code nobody is assigned', { id: 'p6', name: 'P', defaultCountry: 'ZZ' }, 'defaultCountry'],
    ['an unknown preset', { id: 'p4', name: 'P', preset: 'retail' }, 'preset'],
    ['both a preset and a copy', { id: 'p5', name: 'P', preset: 'empty', copyFrom: 'default' }, 'copyFrom'],
  ])('refuses %s', async (_name, body, path) => {
    const response = await t.http.post('/api/v1/spaces').send(body);
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toContain(path);
  });

  it('takes the default country in any case and stores it in upper case, on POST and PATCH', async () => {
    const space = await createSpace(t.http, { defaultCountry: 'gb' });
    expect((await t.http.get(`/api/v1/spaces/${space}`).expect(200)).body.defaultCountry).toBe('GB');
    const created = await t.http.post('/api/v1/spaces').send({ id: `${space}-x`, name: 'X', defaultCountry: 'Nz' });
    expect(created.status).toBe(201);
    expect(created.body.defaultCountry).toBe('NZ');
    const patched = await t.http.patch(`/api/v1/spaces/${space}`).send({ defaultCountry: 'de' }).expect(200);
    expect(patched.body.defaultCountry).toBe('DE');
    const listed = (await t.http.get('/api/v1/spaces').expect(200)).body.spaces;
    expect(listed.find((entry: { id: string }) => entry.id === space).defaultCountry).toBe('DE');
    expect((await t.http.get(`/api/v1/spaces/${space}/settings`).expect(200)).body.defaultCountry).toBe('DE');
  });

  it('renames a space and changes its default country as a settings write', async () => {
    const space = await createSpace(t.http);
    const before = await t.http.get(`/api/v1/spaces/${space}/identifiers`).expect(200);
    const response = await t.http
      .patch(`/api/v1/spaces/${space}`)
      .send({ name: 'Renamed', defaultCountry: 'FR' })
      .expect(200);
    expect(response.body).toMatchObject({ id: space, name: 'Renamed', defaultCountry: 'FR' });
    expect(response.headers.etag).toBe(`"${before.body.version + 1}"`);
    // A read of the space carries the same version, the base of its next PATCH.
    expect((await t.http.get(`/api/v1/spaces/${space}`).expect(200)).headers.etag).toBe(response.headers.etag);
    expectProblem(
      await t.http.patch(`/api/v1/spaces/${space}`).send({ defaultCountry: 'USA' }),
      400,
      'validation_failed',
    );
    expectProblem(await t.http.patch('/api/v1/spaces/ghost').send({ name: 'x' }), 404, 'space_not_found');
  });
});
