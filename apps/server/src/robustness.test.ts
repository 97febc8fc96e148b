import { buildPath, type RouteDefinition, routes } from '@idr/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpace, createTestApp, type TestApp } from './test-support/test-stores.ts';

// SPEC §9: no request, however malformed, gets a 500 or an HTML error page. This throws random JSON
// bodies, query strings, headers and path parameters at every route of the contract.
describe('every route under random input', () => {
  let t: TestApp;
  let space: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    space = await createSpace(t.http);
  });
  afterAll(() => t.dispose());

  const pathParameter = fc.oneof(
    fc.constantFrom('default', 'email', 'phone', 'priority', 'lookup', '%', '%00', '..', ''),
    fc.string({ maxLength: 70 }),
  );
  const jsonBody = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'key',
        'displayName',
        'priority',
        'limit',
        'blockedValues',
        'phone',
        'email',
        'batch',
        'type',
        'identifier',
        'value',
        'addressType',
        'address',
        'keys',
        'identifiers',
        'mappings',
        'defaultCountry',
        'id',
        'name',
        'copyFrom',
        'preset',
        'userId',
        'traits',
        'context',
        'timestamp',
        'messageId',
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  );

  for (const [name, route] of Object.entries(routes as Record<string, RouteDefinition>)) {
    it(`${route.method} ${route.path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(
          jsonBody,
          pathParameter,
          fc.boolean(),
          fc.option(fc.string({ maxLength: 20 })),
          fc.dictionary(fc.constantFrom('limit', 'cursor', 'x'), fc.string({ maxLength: 20 })),
          async (body, parameter, realSpace, ifMatch, query) => {
            let path: string;
            try {
              path = buildPath(route.path, { space: realSpace ? space : parameter, key: parameter, id: parameter });
            } catch {
              return;
            }
            const url = `/api/v1${path}`;
            let request = t.http[route.method.toLowerCase() as 'get'](url).query(query);
            if (ifMatch !== null) request = request.set('If-Match', ifMatch);
            const response = route.body
              ? await request.set('Content-Type', 'application/json').send(JSON.stringify(body))
              : await request;
            expect(response.status, `${name}: ${response.text}`).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});

// Outside the routes Express would answer with its own HTML page ("Cannot POST /").
describe('any method on any path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.dispose());

  it('never answers 5xx or anything but problem+json for an error', async () => {
    const prefix = fc.constantFrom('', '/api', '/api/v1', '/api/v1/spaces/default', '/assets');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('post', 'put', 'patch', 'delete'),
        prefix,
        fc.webPath(),
        async (method, base, path) => {
          const url = `${base}${path.startsWith('/') ? path : `/${path}`}`;
          const response = await t.http[method as 'post'](url);
          expect(response.status, `${method} ${url}: ${response.text}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers['content-type'], `${method} ${url}`).toMatch(/^application\/problem\+json/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
