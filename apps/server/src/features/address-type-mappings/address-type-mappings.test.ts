import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, issuePaths } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('address-type mappings API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const path = (space: string) => `/api/v1/spaces/${space}/address-type-mappings`;

  it('starts with the preset mapping phone → phone, email → email and an ETag', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.get(path(space)).expect(200);
    expect(response.body).toEqual({ mappings: { phone: 'phone', email: 'email' }, version: expect.any(Number) });
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
  });

  it('starts unmapped in an empty space', async () => {
    const space = await createSpace(t.http, { preset: 'empty' });
    const response = await t.http.get(path(space)).expect(200);
    expect(response.body.mappings).toEqual({ phone: null, email: null });
  });

  it('maps, remaps and unmaps, and keeps the result', async () => {
    const space = await createSpace(t.http);
    await t.http
      .post(`/api/v1/spaces/${space}/identifiers`)
      .send({ key: 'mobile', normalization: 'phone' })
      .expect(201);
    const saved = await t.http.put(path(space)).send({ phone: 'mobile', email: null }).expect(200);
    expect(saved.body.mappings).toEqual({ phone: 'mobile', email: null });
    expect(saved.headers.etag).toBe(`"${saved.body.version}"`);
    const read = await t.http.get(path(space)).expect(200);
    expect(read.body).toEqual(saved.body);
  });

  it('allows a mapping whose normalization does not match (the console warns)', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.put(path(space)).send({ phone: 'user_id', email: 'email' }).expect(200);
    expect(response.body.mappings.phone).toBe('user_id');
  });

  it.each([
    ['an unknown key', { phone: 'ghost', email: 'email' }, ['phone']],
    ['one key for both types', { phone: 'email', email: 'email' }, ['email']],
    ['a missing type', { phone: 'phone' }, ['email']],
    ['an unknown address type', { phone: null, email: null, fax: 'phone' }, ['']],
    ['a number', { phone: 1, email: null }, ['phone']],
  ])('refuses %s with 400 validation_failed', async (_name, body, paths) => {
    const space = await createSpace(t.http);
    const response = await t.http.put(path(space)).send(body);
    expectProblem(response, 400, 'validation_failed');
    expect(issuePaths(response)).toEqual(paths);
    expect((await t.http.get(path(space))).body.mappings).toEqual({ phone: 'phone', email: 'email' });
  });

  it('says that an address type left out must be named, with null to map none', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.put(path(space)).send({ phone: 'phone' });
    expectProblem(response, 400, 'validation_failed');
    expect(response.body.issues).toEqual([
      { path: 'email', message: 'Required: the key of the identifier that holds email addresses, or null to map none' },
    ]);
    // A wrong value keeps its own message.
    const wrong = await t.http.put(path(space)).send({ phone: 'Phone Number', email: null });
    expect(issuePaths(wrong)).toEqual(['phone']);
    expect(wrong.body.issues[0].message).toMatch(/^Use 1–64 lowercase letters/);
  });

  it('answers 404 space_not_found for an unknown space', async () => {
    expectProblem(await t.http.get(path('ghost-space')), 404, 'space_not_found');
    expectProblem(await t.http.put(path('ghost-space')).send({ phone: null, email: null }), 404, 'space_not_found');
  });
});
