import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from '../../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('audit log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  const audit = (space: string) => `/api/v1/spaces/${space}/audit`;

  it('records every settings write with actor, time, action, target, before and after, newest first', async () => {
    const space = await createSpace(t.http);
    await t.http.patch(`/api/v1/spaces/${space}/identifiers/email`).send({ displayName: 'Email address' }).expect(200);
    await t.http.put(`/api/v1/spaces/${space}/address-type-mappings`).send({ phone: null, email: 'email' }).expect(200);
    await t.http.post(`/api/v1/spaces/${space}/identifiers`).send({ key: 'crm_id' }).expect(201);
    // A refused write leaves no entry.
    await t.http.patch(`/api/v1/spaces/${space}/identifiers/email`).send({ displayName: '' }).expect(400);
    const response = await t.http.get(audit(space)).expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      'identifier.create',
      'mappings.update',
      'identifier.update',
      'space.create',
    ]);
    const [, mappings, rename] = response.body.entries;
    expect(rename).toMatchObject({
      actor: 'anonymous',
      target: 'identifier:email',
      before: { key: 'email', displayName: 'email' },
      after: { key: 'email', displayName: 'Email address' },
    });
    expect(new Date(rename.at).toISOString()).toBe(rename.at);
    expect(mappings).toMatchObject({
      before: { phone: 'phone', email: 'email' },
      after: { phone: null, email: 'email' },
    });
  });

  it('pages with limit and cursor without gaps or repeats', async () => {
    const space = await createSpace(t.http);
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      await t.http.patch(`/api/v1/spaces/${space}/identifiers/email`).send({ displayName: name }).expect(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await t.http
        .get(audit(space))
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .expect(200);
      expect(response.body.entries.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.entries.map((entry: { id: string }) => entry.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('serves a limit above the page size as the largest page', async () => {
    const space = await createSpace(t.http);
    const response = await t.http.get(audit(space)).query({ limit: 1000 }).expect(200);
    // The space's creation and its first-start seeding: all of it, on one page.
    expect(response.body.entries.length).toBeGreaterThan(0);
    expect(response.body.nextCursor).toBeNull();
    // Beyond the largest safe integer too: still "as many as a page holds", not a refusal.
    const huge = await t.http.get(`${audit(space)}?limit=9007199254740993`).expect(200);
    expect(huge.body.entries).toEqual(response.body.entries);
  });

  it('refuses a bad limit or cursor and an unknown space', async () => {
    const space = await createSpace(t.http);
    expectProblem(await t.http.get(audit(space)).query({ limit: 0 }), 400, 'validation_failed');
    const words = expectProblem(await t.http.get(audit(space)).query({ limit: 'ten' }), 400, 'validation_failed');
    expect(words.issues).toEqual([{ path: 'limit', message: 'Use a whole number, given once, e.g. limit=50' }]);
    const fraction = expectProblem(await t.http.get(audit(space)).query({ limit: 1.5 }), 400, 'validation_failed');
    expect(fraction.issues).toEqual([{ path: 'limit', message: 'Use a whole number, e.g. limit=50' }]);
    // Only decimal digits are a number here: JavaScript's other spellings of one are not read.
    for (const limit of ['0x10', '0b11', '1e1', '+5', '%205', '']) {
      const refused = expectProblem(await t.http.get(`${audit(space)}?limit=${limit}`), 400, 'validation_failed');
      expect(refused.issues, limit).toEqual([
        { path: 'limit', message: 'Use a whole number, given once, e.g. limit=50' },
      ]);
    }
    expect((await t.http.get(`${audit(space)}?limit=01`).expect(200)).body.entries).toHaveLength(1);
    expectProblem(await t.http.get(audit(space)).query({ cursor: 'not-a-cursor' }), 400, 'validation_failed');
    expectProblem(await t.http.get(audit('ghost')), 404, 'space_not_found');
  });

  it("refuses a cursor another space's audit log gave out, rather than start at a wrong place", async () => {
    const [one, other] = [await createSpace(t.http), await createSpace(t.http)];
    for (const space of [one, other]) {
      for (const name of ['A', 'B']) await t.http.patch(`/api/v1/spaces/${space}`).send({ name }).expect(200);
    }
    const { nextCursor } = (await t.http.get(audit(one)).query({ limit: 1 }).expect(200)).body;
    expect(nextCursor).toEqual(expect.any(String));
    const refused = expectProblem(
      await t.http.get(audit(other)).query({ cursor: nextCursor }),
      400,
      'validation_failed',
    );
    expect(refused.issues).toEqual([
      { path: 'cursor', message: 'This cursor pages through another list: use the nextCursor of this one' },
    ]);
    await t.http.get(audit(one)).query({ cursor: nextCursor }).expect(200);
  });
});
