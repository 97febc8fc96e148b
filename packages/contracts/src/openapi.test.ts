import { describe, expect, it } from 'vitest';
import { EventSchema, ResolutionResultSchema } from './events.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { routes } from './routes.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is read by path in assertions, each checked at run time.
type Json = Record<string, any>;

const document = buildOpenApiDocument(routes, { title: 'Test', version: '0' }) as Json;
const operation = (method: string, path: string): Json => document.paths[`/api/v1${path}`][method];

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

/** Paths of the schemas in a JSON value that say nothing (`{}`) outside the places any JSON value goes. */
function silentSchemas(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (!Array.isArray(value) && Object.keys(value).length === 0) {
    // Trait and property values, extra event fields and stored event payloads are any JSON; under
    // `not`, `{}` forbids the field outright.
    return /additionalProperties$|\.not$|openapi\.json/.test(path) ? [] : [path];
  }
  return Object.entries(value).flatMap(([key, child]) => silentSchemas(child, `${path}.${key}`));
}

describe('the OpenAPI document', () => {
  it('gives every operation a default answer: problem+json for a fault on the server side', () => {
    for (const [path, methods] of Object.entries(document.paths as Json)) {
      if (path.endsWith('/openapi.json')) continue;
      for (const operation of Object.values(methods as Json)) {
        expect(operation.responses.default?.content['application/problem+json'].schema, path).toEqual({
          $ref: '#/components/schemas/Problem',
        });
        // The host check answers on every route; a 503 says when to try again.
        expect(operation.responses.default.description, path).toMatch(/forbidden \(403/);
        expect(operation.responses.default.headers['Retry-After'], path).toBeDefined();
      }
    }
  });

  it('describes every field a client sends or reads (no empty schema), for typed clients', () => {
    expect(silentSchemas(document)).toEqual([]);
    const schemas = document.components.schemas as Json;
    // Source keys are de-duplicated on input, which must not hide their type.
    expect(schemas.Identifier.properties.sourceKeys).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schemas.Event.properties.userId.type).toEqual(['string', 'number', 'null']);
    // JSON Schema's maxLength counts code points: the 50-character rule is said in words.
    expect(schemas.Identifier.properties.displayName.description).toContain('1–50 characters');
    expect(schemas.Event.description).toContain('32768 bytes');
  });

  it('names the schemas integrators use, and every reference resolves', () => {
    const schemas = document.components.schemas as Json;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Event', 'Result', 'Profile', 'Identifier', 'Space', 'SettingsDocument', 'Problem']),
    );
    const refs = refsIn(document);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    // Written once, referenced where used: the lookup and the profile share one Profile.
    const lookup = operation('post', '/spaces/{space}/profiles/lookup').responses['200'].content['application/json'];
    expect(lookup.schema.properties.profiles.items).toEqual({ $ref: '#/components/schemas/Profile' });
    expect(
      operation('get', '/spaces/{space}/profiles/{id}').responses['200'].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/Profile',
    });
  });

  it('describes the events body as one event or a batch of at most 1000', () => {
    const body = operation('post', '/spaces/{space}/events').requestBody.content['application/json'].schema;
    // One event has no batch field, and a batch has no other field: the server reads any body with
    // a batch field as a batch, and refuses a batch's envelope fields (sentAt, context…) whole.
    expect(body.anyOf[0].allOf).toEqual([
      { $ref: '#/components/schemas/Event' },
      expect.objectContaining({ properties: { batch: { not: {} } } }),
    ]);
    expect(body.anyOf[1]).toMatchObject({ required: ['batch'], additionalProperties: false });
    expect(body.anyOf[1].properties.batch).toMatchObject({
      maxItems: 1000,
      items: { $ref: '#/components/schemas/Event' },
    });
    const event = document.components.schemas.Event as Json;
    expect(event.required).toEqual(['type']);
    expect(event.properties.type.enum).toEqual(['identify', 'track', 'page', 'screen', 'group', 'alias']);
    expect(event.properties.context).toBeDefined();
    const preview = operation('post', '/spaces/{space}/events/preview').requestBody.content['application/json'];
    expect(preview.schema).toEqual({ $ref: '#/components/schemas/Event' });
  });

  it('declares the headers the server sends: ETag, Location, and the 308 of a merged profile', () => {
    for (const path of [
      '/spaces/{space}',
      '/spaces/{space}/identifiers',
      '/spaces/{space}/identifiers/{key}',
      '/spaces/{space}/address-type-mappings',
      '/spaces/{space}/settings',
    ]) {
      expect(operation('get', path).responses['200'].headers?.ETag, path).toBeDefined();
    }
    const patch = operation('patch', '/spaces/{space}/identifiers/{key}');
    expect(patch.responses['200'].headers.ETag).toBeDefined();
    expect(patch.responses['412'].headers.ETag).toBeDefined();
    expect(patch.parameters.map((parameter: Json) => parameter.name)).toContain('If-Match');
    expect(operation('delete', '/spaces/{space}/identifiers/{key}').responses['204'].headers.ETag).toBeDefined();
    expect(operation('post', '/spaces').responses['201'].headers.Location).toBeDefined();
    expect(operation('post', '/spaces/{space}/identifiers').responses['201'].headers.Location).toBeDefined();
    expect(operation('get', '/spaces/{space}/profiles/{id}').responses['308'].headers.Location).toBeDefined();
  });

  it('says that no operation asks for credentials yet', () => {
    expect(document.security).toEqual([]);
  });

  it('states the page size bound, and leaves out the safe-integer bounds of every integer', () => {
    const limit = operation('get', '/spaces/{space}/audit').parameters.find(
      (parameter: Json) => parameter.name === 'limit',
    );
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, default: 50 });
    expect(limit.schema.description).toMatch(/at most 200/);
    expect(JSON.stringify(document)).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it('gives examples that its own schemas accept', () => {
    const { Event, Result } = document.components.schemas as Json;
    expect(Event.examples.length).toBeGreaterThan(0);
    for (const example of Event.examples) expect(EventSchema.safeParse(example).success).toBe(true);
    for (const example of Result.examples) expect(ResolutionResultSchema.safeParse(example).success).toBe(true);
  });

  it('tags every operation, and comes out the same when built again', () => {
    const tagNames = (document.tags as Json[]).map((tag) => tag.name);
    for (const methods of Object.values(document.paths as Json)) {
      for (const op of Object.values(methods as Json)) expect(tagNames).toContain(op.tags[0]);
    }
    expect(buildOpenApiDocument(routes, { title: 'Test', version: '0' })).toEqual(document);
  });
});
