import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../test-support/expect-problem.ts';
import { createTestApp, openTestStore, type TestApp } from '../test-support/test-stores.ts';

// SPEC §9: no request gets an HTML error page. Outside /api Express would answer its own
// `<pre>Cannot POST /</pre>`, and serve-static a bare 405, unless the app says otherwise.
describe('requests nothing answers, with a built console', () => {
  const webDistDir = mkdtempSync(join(tmpdir(), 'idr-web-dist-'));
  let http: ReturnType<typeof request>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    mkdirSync(join(webDistDir, 'assets'));
    writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(webDistDir, 'assets', 'app-1234.js'), 'console.log(1);');
    writeFileSync(join(webDistDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const test = await openTestStore('sqlite');
    dispose = test.dispose;
    http = request(createApp({ store: test.store, logger: pino({ level: 'silent' }), webDistDir }));
  });
  afterAll(async () => {
    await dispose();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  it('answers other methods than GET outside the API with a 404 problem naming method and path', async () => {
    const cases: Array<[string, string]> = [
      ['post', '/'],
      ['delete', '/foo'],
      ['post', '/favicon.ico'],
      ['post', '/favicon.svg'],
      ['post', '/index.html'],
      ['post', '/api'],
      ['put', '/api/v2'],
      ['post', '/assets/x'],
      ['put', '/assets/app-1234.js'],
      ['patch', '/spaces/default'],
    ];
    for (const [method, path] of cases) {
      const response = await http[method as 'post'](path);
      expect(expectProblem(response, 404, 'not_found').detail).toBe(`Nothing is at ${method.toUpperCase()} ${path}`);
    }
  });

  it('answers a missing asset with a 404 problem, not a decompression error', async () => {
    expectProblem(await http.get('/assets/missing-5678.js'), 404, 'not_found');
  });

  it('answers a missing file outside the assets with a 404 problem, not the console page', async () => {
    for (const path of ['/nope.js', '/spaces/default/robots.txt', '/favicon.ico']) {
      expectProblem(await http.get(path), 404, 'not_found');
    }
  });

  it('keeps serving the console: assets, root files and the SPA fallback', async () => {
    const asset = await http.get('/assets/app-1234.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.text).toBe('console.log(1);');
    await http.get('/favicon.svg').expect(200);
    for (const page of ['/', '/spaces/default/identifiers']) {
      const response = await http.get(page).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<title>console</title>');
    }
    await http.head('/spaces/default').expect(200);
  });
});

describe('requests nothing answers, without a built console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.dispose());

  it('answers other methods than GET with a 404 problem, and GET with the build hint', async () => {
    expectProblem(await t.http.post('/'), 404, 'not_found');
    expectProblem(await t.http.delete('/foo'), 404, 'not_found');
    expect((await t.http.get('/spaces/x')).status).toBe(503);
  });
});
