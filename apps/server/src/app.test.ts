import { routes } from '@idr/contracts';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { expectProblem } from './test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from './test-support/test-stores.ts';

const kinds = await availableStoreKinds();

describe.each(kinds)('HTTP behaviour on %s', (kind) => {
  let t: TestApp;
  let space: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    space = await createSpace(t.http);
  });
  afterAll(() => t.dispose());

  const identifiers = () => `/api/v1/spaces/${space}/identifiers`;

  it('answers healthz and readyz', async () => {
    expect((await t.http.get('/api/v1/healthz').expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http.get('/api/v1/readyz').expect(200)).body).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI 3.1 document with every route of the contract', async () => {
    const response = await t.http.get('/api/v1/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const route of Object.values(routes)) {
      const path = `/api/v1${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      expect(response.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    // SPEC §9 lists these three too; openapi.json is served outside the route table.
    for (const path of ['/api/v1/healthz', '/api/v1/readyz', '/api/v1/openapi.json']) {
      expect(response.body.paths[path]?.get?.responses?.['200'], path).toBeDefined();
    }
    const patch = response.body.paths['/api/v1/spaces/{space}/identifiers/{key}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties.displayName).toBeDefined();
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '412']));
  });

  it('sets security headers and never X-Powered-By', async () => {
    const response = await t.http.get('/api/v1/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('echoes a sane X-Request-Id and puts it in problems', async () => {
    const response = await t.http.get('/api/v1/spaces/ghost/identifiers').set('X-Request-Id', 'ivr-call-42');
    expect(expectProblem(response, 404, 'space_not_found').requestId).toBe('ivr-call-42');
    const generated = await t.http.get('/api/v1/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await t.http.post(identifiers()).set('Content-Type', 'application/json').send('{"key": ');
    expectProblem(response, 400, 'invalid_json');
  });

  it('answers an empty JSON body with 400 invalid_json, not with the fields {} lacks', async () => {
    for (const path of [`/api/v1/spaces/${space}/events`, identifiers()]) {
      const response = await t.http.post(path).set('Content-Type', 'application/json').set('Content-Length', '0');
      expect(expectProblem(response, 400, 'invalid_json').detail).toBe(
        'The body is empty: send a JSON object with Content-Type: application/json',
      );
    }
    // Whitespace alone was already invalid JSON.
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'application/json').send(' '),
      400,
      'invalid_json',
    );
  });

  it('answers a body that is not valid UTF-8 with 400 invalid_json, instead of storing U+FFFD', async () => {
    // The bytes as sent: superagent would serialize a Buffer given with a JSON type as JSON.
    const postBytes = (path: string, ...parts: (string | number)[]) =>
      t.http
        .post(path)
        .set('Content-Type', 'application/json')
        .serialize((body: Buffer) => body as unknown as string)
        .send(Buffer.concat(parts.map((part) => (typeof part === 'number' ? Buffer.from([part]) : Buffer.from(part)))));
    // "Müller" in Latin-1: decoded as UTF-8 it would be "M\uFFFDller", the same as "Möller".
    const response = await postBytes(identifiers(), '{"key":"crm_id","displayName":"M', 0xfc, 'ller"}');
    expect(expectProblem(response, 400, 'invalid_json').detail).toContain('not valid UTF-8');
    expectProblem(
      await postBytes(`/api/v1/spaces/${space}/events`, '{"type":"identify","userId":"M', 0xf6, 'ller"}'),
      400,
      'invalid_json',
    );
    // Valid UTF-8 beyond ASCII is fine.
    expect((await postBytes(identifiers(), '{"key":"crm_id","displayName":"Müller"}')).status).toBe(201);
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'text/plain').send('key=crm'),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'application/x-www-form-urlencoded').send('key=crm'),
      415,
      'unsupported_media_type',
    );
    // JSON under another media type is still not application/json.
    for (const type of ['application/merge-patch+json', 'application/vnd.api+json']) {
      expectProblem(
        await t.http.post(identifiers()).set('Content-Type', type).send('{"key":"crm"}'),
        415,
        'unsupported_media_type',
      );
    }
    // Parameters of application/json itself are fine.
    expect(
      (await t.http.post(identifiers()).set('Content-Type', 'application/json; charset=utf-8').send('{"key":"crm"}'))
        .status,
    ).toBe(201);
  });

  it('answers a missing body or a JSON value that is not an object with 400 validation_failed', async () => {
    expectProblem(await t.http.post(identifiers()), 400, 'validation_failed');
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'application/json').send('"key"'),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'application/json').send('null'),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.http.post(identifiers()).set('Content-Type', 'application/json').send('[1,2]'),
      400,
      'validation_failed',
    );
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ key: 'crm_id', displayName: 'x'.repeat(1024 * 1024 + 10) });
    const response = await t.http.post(identifiers()).set('Content-Type', 'application/json').send(huge);
    expectProblem(response, 413, 'payload_too_large');
    // The bound itself, so that a client knows how far to cut its body.
    expect(response.body.detail).toBe('The body is larger than this endpoint accepts: at most 1 MiB');
  });

  it('answers an events body over 32 MiB with 413, naming the bound', async () => {
    const huge = JSON.stringify({ batch: [], padding: 'x'.repeat(32 * 1024 * 1024) });
    const response = await t.http
      .post(`/api/v1/spaces/${space}/events`)
      .set('Content-Type', 'application/json')
      .send(huge);
    expectProblem(response, 413, 'payload_too_large');
    expect(response.body.detail).toBe('The body is larger than this endpoint accepts: at most 32 MiB');
  });

  it('answers a compressed body that does not decompress with 400 invalid_json', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await t.http
        .post(identifiers())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('{"key":"crm_id"}');
      expectProblem(response, 400, 'invalid_json');
    }
  });

  it('answers 404 space_not_found for an unknown space, whatever the body', async () => {
    const unknown = '/api/v1/spaces/no-such-space';
    const responses = await Promise.all([
      t.http.post(`${unknown}/identifiers`).send({ key: 'Not A Key' }),
      t.http.patch(unknown).send({ defaultCountry: 'ZZ' }),
      t.http.put(`${unknown}/address-type-mappings`).send({}),
      t.http.put(`${unknown}/identifiers/priority`).send({ keys: 'none' }),
      t.http.put(`${unknown}/settings`).send({}),
      t.http.post(`${unknown}/profiles/lookup`).send({}),
      t.http.post(`${unknown}/events`).send('not json').set('Content-Type', 'application/json'),
      t.http.get(`${unknown}/identifiers`),
    ]);
    for (const response of responses) expectProblem(response, 404, 'space_not_found');
  });

  it('answers unknown API paths and wrong methods with a 404 problem, naming the methods a path accepts', async () => {
    expectProblem(await t.http.get('/api/v1/nothing-here'), 404, 'not_found');
    expectProblem(await t.http.get('/api/v2/spaces'), 404, 'not_found');
    // SPEC §9 lists no 405: a wrong method is a 404 that still says (and sends as Allow) what works.
    const wrongMethod = await t.http.delete('/api/v1/spaces');
    expect(expectProblem(wrongMethod, 404, 'not_found').detail).toBe(
      'Nothing is at DELETE /api/v1/spaces; this path accepts GET, HEAD, POST',
    );
    expect(wrongMethod.headers.allow).toBe('GET, HEAD, POST');
    const wrongOnSpace = await t.http.post(`/api/v1/spaces/${space}`);
    expect(expectProblem(wrongOnSpace, 404, 'not_found').detail).toContain('accepts GET, HEAD, PATCH');
    expect(wrongOnSpace.headers.allow).toBe('GET, HEAD, PATCH');
    expect((await t.http.post('/api/v1/openapi.json')).headers.allow).toBe('GET, HEAD');
  });

  it('answers OPTIONS on an API path with 204 and the same methods as Allow, and 404 where no route is', async () => {
    const options = await t.http.options(`/api/v1/spaces/${space}/identifiers`).expect(204);
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    expect(options.text).toBe('');
    expect((await t.http.options('/api/v1/openapi.json').expect(204)).headers.allow).toBe('GET, HEAD, OPTIONS');
    expectProblem(await t.http.options('/api/v1/nothing-here'), 404, 'not_found');
  });

  it('survives hostile paths, headers and values without a 500', async () => {
    const responses = await Promise.all([
      t.http.get('/api/v1/spaces/%E0%A4%A/identifiers'),
      t.http.get(`/api/v1/spaces/${space}/identifiers/%00`),
      t.http.patch(`${identifiers()}/email`).send({ displayName: { $gt: '' } }),
      t.http.patch(`${identifiers()}/email`).send({ __proto__: { polluted: true }, displayName: 'ok' }),
      t.http.post(identifiers()).set('Content-Type', 'application/json; charset=latin-9').send('{}'),
      t.http.get(`/api/v1/spaces/${space}/audit?limit[]=1`),
      t.http.patch(`${identifiers()}/email`).set('If-Match', '"1", W/"2", *x').send({ displayName: 'x' }),
    ]);
    for (const response of responses) {
      expect(response.status, response.text).toBeLessThan(500);
      expect(response.status, response.text).toBeGreaterThanOrEqual(200);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers the console routes with a hint when the console is not built, and a missing file with 404', async () => {
    const logged: { msg: string; res?: { statusCode: number } }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const http = request(createApp({ store: t.store, logger }));
    const response = await http.get('/spaces/default/identifiers');
    expect(response.status).toBe(503);
    expect(response.text).toContain('build');
    // Its log line says why, not that the database is down.
    expect(logged.find((line) => line.res?.statusCode === 503)?.msg).toBe('request failed: the console is not built');
    expectProblem(await http.get('/favicon.ico'), 404, 'not_found');
  });
});
