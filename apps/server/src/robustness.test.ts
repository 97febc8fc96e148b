import { buildPath, type RouteDefinition, routes } from '@idr/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, issuePaths } from './test-support/expect-problem.ts';
import { availableStoreKinds, createSpace, createTestApp, type TestApp } from './test-support/test-stores.ts';

const kinds = await availableStoreKinds();

// Any character, and more often than chance the ones databases refuse or alter: NUL (PostgreSQL
// refuses it) and lone surrogates (both store U+FFFD instead).
const anyUnit = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff') },
  { weight: 9, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

// SPEC §9: no request, however malformed, gets a 500 or an HTML error page. This throws random JSON
// bodies, query strings, headers and path parameters at every route of the contract, on each database.
describe.each(kinds)('every route on %s', (kind) => {
  let t: TestApp;
  let space: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    space = await createSpace(t.http);
  });
  afterAll(() => t.dispose());

  const pathParameter = fc.oneof(
    fc.constantFrom('default', 'email', 'phone', 'priority', 'lookup', '%', '%00', '..', ''),
    fc.string({ maxLength: 70 }),
  );
  const jsonBody = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3, stringUnit: anyUnit }),
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
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 2, stringUnit: anyUnit })),
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

  // Text a database cannot store as sent is refused where it arrives, with the field that holds it, and
  // answered the same on both databases (PostgreSQL used to fail with a 500 on NUL; both stored U+FFFD
  // for a lone surrogate, so the same value sent twice broke the unique index).
  describe('text a database cannot store', () => {
    const base = () => `/api/v1/spaces/${space}`;

    it('an event with NUL or a lone surrogate in any string or key is refused with its path', async () => {
      for (const [event, path] of [
        [{ type: 'identify', userId: 'nul\u0000byte' }, 'userId'],
        [{ type: 'identify', userId: '\ud800x' }, 'userId'],
        [{ type: 'identify', anonymousId: 'a', traits: { email: 'a\u0000@x.com' } }, 'traits.email'],
        [{ type: 'identify', userId: 'u', messageId: 'm\udfffid' }, 'messageId'],
        [{ type: 'track', event: 'e', anonymousId: 'a', properties: { 'no\u0000te': 1 } }, 'properties.no\u0000te'],
      ] as const) {
        const response = await t.http.post(`${base()}/events`).send(event);
        expectProblem(response, 400, 'validation_failed');
        expect(issuePaths(response)).toEqual([path]);
        const preview = await t.http.post(`${base()}/events/preview`).send(event);
        expectProblem(preview, 400, 'validation_failed');
      }
    });

    it('in a batch only the event holding such text is rejected, also when sent twice', async () => {
      const batch = [
        { type: 'identify', userId: 'before-nul' },
        { type: 'identify', userId: 'x\u0000' },
        { type: 'identify', userId: '\udc01q' },
        { type: 'identify', userId: '\udc01q' },
        { type: 'identify', userId: 'after-nul' },
      ];
      for (let round = 0; round < 2; round++) {
        const response = await t.http.post(`${base()}/events`).send({ batch });
        expect(response.status, response.text).toBe(200);
        const outcomes = response.body.results.map((result: { outcome: string }) => result.outcome);
        expect(outcomes).toEqual(
          round === 0
            ? ['created', 'rejected', 'rejected', 'rejected', 'created']
            : ['matched', 'rejected', 'rejected', 'rejected', 'matched'],
        );
        expect(response.body.results[1].error.issues).toEqual([
          { path: 'userId', message: 'Must not contain the NUL character (U+0000)' },
        ]);
      }
    });

    it('other bodies with such text are refused whole, with the path of the field', async () => {
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['post', `${base()}/profiles/lookup`, { identifier: 'user_id', value: 'a\u0000b' }, 'value'],
        [
          'post',
          `${base()}/profiles/lookup`,
          { addressType: 'email', address: '\ud800@x.io', createIfNotFound: true },
          'address',
        ],
        ['post', '/api/v1/spaces', { id: 'nul-name', name: 'n\u0000' }, 'name'],
        ['patch', base(), { name: 'a\ud800b' }, 'name'],
        [
          'patch',
          `${base()}/identifiers/email`,
          { blockedValues: [{ value: 'x\u0000', match: 'exact' }] },
          'blockedValues.0.value',
        ],
        ['patch', `${base()}/identifiers/email`, { displayName: 'E\udfffmail' }, 'displayName'],
      ];
      for (const [method, url, body, path] of cases) {
        const response = await t.http[method as 'post'](url).send(body);
        expectProblem(response, 400, 'validation_failed');
        expect(issuePaths(response), `${method} ${url}`).toEqual([path]);
      }
      expect((await t.http.get('/api/v1/spaces/nul-name')).status).toBe(404);
    });

    it('a space or profile id holding NUL names nothing: 404, on every kind of route', async () => {
      expectProblem(await t.http.get('/api/v1/spaces/a%00b'), 404, 'space_not_found');
      expectProblem(await t.http.get('/api/v1/spaces/%00/audit'), 404, 'space_not_found');
      expectProblem(await t.http.post('/api/v1/spaces/%00/events').send({ type: 'identify' }), 404, 'space_not_found');
      expectProblem(await t.http.get(`${base()}/profiles/a%00b`), 404, 'profile_not_found');
      expectProblem(await t.http.get(`${base()}/profiles/a%00b/events`), 404, 'profile_not_found');
    });

    it('a path segment that is not valid percent-encoding names nothing: 404 for what stands there', async () => {
      // Express refuses such a segment before any route runs (a URIError): the answer is still the route's 404.
      expectProblem(await t.http.get('/api/v1/spaces/%zz/settings'), 404, 'space_not_found');
      expectProblem(await t.http.get('/api/v1/spaces/nope%ZZ'), 404, 'space_not_found');
      expectProblem(
        await t.http.post('/api/v1/spaces/%E0%A4%A/events').send({ type: 'track' }),
        404,
        'space_not_found',
      );
      expectProblem(await t.http.get(`${base()}/profiles/%zz/events`), 404, 'profile_not_found');
      expectProblem(
        await t.http.patch(`${base()}/identifiers/e%mail`).send({ displayName: 'x' }),
        404,
        'identifier_not_found',
      );
      // The space is checked first, as the routes do: an unknown space with a bad profile id is the space's 404.
      expectProblem(await t.http.get('/api/v1/spaces/nope/profiles/%zz'), 404, 'space_not_found');
      expect(expectProblem(await t.http.get('/api/v1/spaces/%zz'), 404, 'space_not_found').detail).toBe(
        'No space has this id: "%zz"',
      );
      expectProblem(await t.http.get('/api/v1/%zz'), 404, 'not_found');
    });
  });
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
