import { z } from 'zod';
import { ERROR_STATUS, ProblemSchema } from './errors.ts';
import { EventSchema, ResolutionResultSchema } from './events.ts';
import { IdentifierSchema } from './identifiers.ts';
import { AddressTypeMappingsSchema } from './mappings.ts';
import { ProfileSchema } from './profiles.ts';
import { API_PREFIX, type RouteDefinition } from './routes.ts';
import { AuditEntrySchema, SettingsDocumentSchema } from './settings.ts';
import { SpaceSchema } from './spaces.ts';

/** Path of the OpenAPI document below `/api/v1`. */
export const OPENAPI_DOCUMENT_PATH = '/openapi.json';

/**
 * Schemas an integrator names in code (`components["schemas"]["Profile"]`), each in the form it
 * mostly travels in (events are sent, the rest received): written once under `components.schemas`
 * and referenced wherever a route uses it.
 */
const NAMED_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType, 'input' | 'output', examples?: unknown[]]> = [
  [
    'Event',
    EventSchema,
    'input',
    [
      {
        type: 'identify',
        messageId: 'crm-7781',
        timestamp: '2024-04-01T09:30:00Z',
        userId: 'u-1001',
        anonymousId: '3f2c9a1e',
        traits: { email: 'jane@example.com', phone: '(415) 555-0100', plan: 'pro' },
      },
      { type: 'track', event: 'Order Completed', anonymousId: '3f2c9a1e', properties: { total: 42 } },
    ],
  ],
  [
    'Result',
    ResolutionResultSchema,
    'output',
    [
      {
        messageId: 'crm-7781',
        outcome: 'created',
        profileId: '0190e5a4-8f1b-7c2d-9e3f-4a5b6c7d8e9f',
        mergedProfileIds: [],
        addedIdentifiers: [
          { key: 'user_id', value: 'u-1001' },
          { key: 'email', value: 'jane@example.com' },
          { key: 'phone', value: '+14155550100' },
          { key: 'anonymous_id', value: '3f2c9a1e' },
        ],
        droppedIdentifiers: [],
      },
    ],
  ],
  ['Profile', ProfileSchema, 'output'],
  ['Identifier', IdentifierSchema, 'output'],
  ['AddressTypeMappings', AddressTypeMappingsSchema, 'output'],
  ['Space', SpaceSchema, 'output'],
  ['SettingsDocument', SettingsDocumentSchema, 'output'],
  ['AuditEntry', AuditEntrySchema, 'output'],
  ['Problem', ProblemSchema, 'output'],
];

const COMPONENT_PREFIX = '#/components/schemas/';
// `z.int()` bounds every integer by the safe-integer range, which says nothing to a reader.
const SAFE_INTEGER_BOUNDS: Record<string, number> = {
  maximum: Number.MAX_SAFE_INTEGER,
  minimum: Number.MIN_SAFE_INTEGER,
};

type JsonObject = Record<string, unknown>;

/** A JSON schema with `#/$defs/<id>` references pointed at their components, and no safe-integer bounds. */
function rewrite(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, names));
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/')) {
      const id = child.slice('#/$defs/'.length);
      out[key] = COMPONENT_PREFIX + (names.get(id) ?? id);
    } else if (child !== SAFE_INTEGER_BOUNDS[key]) out[key] = rewrite(child, names);
  }
  return out;
}

/**
 * Converts route schemas to JSON Schema, collecting the named ones into `components.schemas`. A
 * named schema used in the other direction than its own, where that form differs (defaults make
 * fields optional on input), is written a second time as `<Name>Input` or `<Name>Output`.
 */
class ComponentCollector {
  readonly schemas: JsonObject = {};
  private readonly direction = new Map<string, 'input' | 'output'>();

  constructor() {
    for (const [id, schema, io, examples] of NAMED_SCHEMAS) {
      // In the global registry, beside the descriptions the schemas carry (a registry of our own
      // would hide them). Only this document reads ids; adding one twice would throw, hence the check.
      const meta = z.globalRegistry.get(schema);
      if (meta?.id !== id) z.globalRegistry.add(schema, { ...meta, id, ...(examples ? { examples } : {}) });
      this.direction.set(id, io);
    }
    // Each named schema in its own direction first, so that its plain name always means that form.
    for (const [, schema, io] of NAMED_SCHEMAS) this.convert(schema, io);
  }

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
    const { $schema: _dialect, $defs, ...root } = json;
    const defs = ($defs ?? {}) as Record<string, JsonObject>;
    const names = new Map<string, string>();
    for (const [id, definition] of Object.entries(defs)) {
      const own = this.schemas[id];
      const same = own === undefined || JSON.stringify(own) === JSON.stringify(rewrite(definition, new Map()));
      const suffix = io === 'input' ? 'Input' : 'Output';
      names.set(id, same || this.direction.get(id) === io ? id : `${id}${suffix}`);
    }
    for (const [id, definition] of Object.entries(defs)) this.schemas[names.get(id)!] = rewrite(definition, names);
    return rewrite(root, names) as JsonObject;
  }
}

function objectProperties(
  collector: ComponentCollector,
  schema: z.ZodType | undefined,
): Array<[string, JsonObject, boolean]> {
  if (!schema) return [];
  const json = collector.convert(schema, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => [
    name,
    property,
    (json.required ?? []).includes(name),
  ]);
}

// The API's parts, for grouping in documentation tools (the path segment after the space).
const TAGS: ReadonlyArray<{ name: string; description: string; matches: (path: string) => boolean }> = [
  {
    name: 'Health',
    description: 'Liveness, readiness and this document',
    matches: (path) => !path.startsWith('/spaces'),
  },
  {
    name: 'Identifiers',
    description: 'Identifier settings: display names, priority, limits, normalization, blocked values, source keys',
    matches: (path) => path.startsWith('/spaces/:space/identifiers') || path.endsWith('/unrecognized-identifier-types'),
  },
  {
    name: 'Address-type mappings',
    description: 'Which identifier a phone or email lookup searches',
    matches: (path) => path.endsWith('/address-type-mappings'),
  },
  {
    name: 'Settings',
    description: "A space's whole configuration, exported and imported as one document, and its audit log",
    matches: (path) => path.endsWith('/settings') || path.endsWith('/audit'),
  },
  {
    name: 'Events',
    description:
      'Events resolved into profiles (each in its own transaction, a batch in order; a messageId once per space), and dry runs with a trace',
    matches: (path) => path.includes('/events') && !path.includes('/profiles'),
  },
  { name: 'Profiles', description: 'Lookups and profiles', matches: (path) => path.includes('/profiles') },
  { name: 'Spaces', description: 'Containers of settings and profiles', matches: () => true },
];

const ETAG_HEADER = {
  ETag: {
    description: 'The space\'s settings version, strong and quoted ("7"): send it back as If-Match',
    schema: { type: 'string' },
  },
};
const LOCATION_HEADER = {
  Location: { description: 'Address of the resource', schema: { type: 'string' } },
};

/** The success response of a route, with the headers it sends. */
function successResponse(collector: ComponentCollector, route: RouteDefinition): JsonObject {
  const headers: JsonObject = {
    ...(route.returnsEtag || route.settingsWrite ? ETAG_HEADER : {}),
    ...(route.createdLocation ? LOCATION_HEADER : {}),
  };
  return {
    description: route.success.body ? 'Success' : 'Success, no content',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(route.success.body
      ? { content: { 'application/json': { schema: collector.convert(route.success.body, 'output') } } }
      : {}),
  };
}

const INFO_DESCRIPTION = [
  'Identity resolution for one or more spaces: settings (identifiers, address-type mappings, default country),',
  'event ingestion and profile lookups. Errors are application/problem+json (RFC 9457) with a stable `code`.',
  'Settings writes take If-Match with the ETag of the settings version they are based on; a stale one answers 412.',
  'Bodies are JSON (Content-Type: application/json), at most 1 MiB (32 MiB for events).',
].join(' ');

/** Builds an OpenAPI 3.1 document of every route in a route table. */
export function buildOpenApiDocument(
  table: Record<string, RouteDefinition>,
  info: { title: string; version: string },
): Record<string, unknown> {
  const collector = new ComponentCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(table)) {
    const openApiPath = API_PREFIX + route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: JsonObject[] = [
      ...objectProperties(collector, route.params).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema,
      })),
      ...objectProperties(collector, route.query).map(([name, schema, required]) => ({
        name,
        in: 'query',
        required,
        schema,
      })),
    ];
    if (route.settingsWrite) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        description:
          'The settings version (ETag) the change is based on, quoted or bare; without it the write applies to the latest version',
        schema: { type: 'string' },
      });
    }
    const responses: JsonObject = { [route.success.status]: successResponse(collector, route) };
    if (route.permanentRedirect) {
      responses['308'] = {
        description: route.permanentRedirect,
        headers: { Location: { description: 'Address of the surviving profile', schema: { type: 'string' } } },
      };
    }
    for (const code of route.errors) {
      const status = String(ERROR_STATUS[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        // A stale If-Match is answered with the current version, to reload from.
        ...(code === 'version_conflict' ? { headers: ETAG_HEADER } : {}),
        content: { 'application/problem+json': { schema: { $ref: `${COMPONENT_PREFIX}Problem` } } },
      };
    }
    // What no request should meet, but a client must still be ready for: a fault on the server's
    // side (`internal_error`, quoting the request id) or a database that does not answer
    // (`database_unavailable`, to retry), as problem+json like every other error.
    responses.default = {
      headers: {
        'Retry-After': { description: 'With 503: seconds to wait before trying again', schema: { type: 'integer' } },
      },
      description:
        'internal_error (500, a fault on the server side: report the requestId), database_unavailable (503 with Retry-After: the database did not answer; retry later) or forbidden (403: the Host header names a host this server does not answer, see IDR_ALLOWED_HOSTS), as problem+json; a request that breaks HTTP itself may also get 408 (its body did not arrive in time) or 431 (headers too large)',
      content: { 'application/problem+json': { schema: { $ref: `${COMPONENT_PREFIX}Problem` } } },
    };
    const requestBody = route.documentedBody ?? route.body;
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      tags: [TAGS.find((tag) => tag.matches(route.path))!.name],
      parameters,
      ...(requestBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: collector.convert(requestBody, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  // The document describes itself too (SPEC §9 lists it); it is served beside the route table, not from it.
  const selfPath = `${API_PREFIX}${OPENAPI_DOCUMENT_PATH}`;
  paths[selfPath] ??= {};
  paths[selfPath].get ??= {
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI document',
    tags: ['Health'],
    parameters: [],
    responses: {
      200: { description: 'An OpenAPI 3.1 document of every route', content: { 'application/json': { schema: {} } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: { ...info, description: INFO_DESCRIPTION },
    servers: [{ url: '/' }],
    // Said outright rather than left out: no operation asks for credentials yet (sign-in, SPEC §10,
    // is not built), so generated clients and linters do not guess at a scheme.
    security: [],
    tags: TAGS.map(({ name, description }) => ({ name, description })),
    paths,
    components: { schemas: collector.schemas },
  };
}
