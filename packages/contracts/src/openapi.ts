import { z } from 'zod';
import { ERROR_STATUS, ProblemSchema } from './errors.ts';
import { API_PREFIX, type RouteDefinition } from './routes.ts';

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function objectProperties(schema: z.ZodType | undefined): Array<[string, Record<string, unknown>, boolean]> {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => [
    name,
    property,
    (json.required ?? []).includes(name),
  ]);
}

/** Path of the OpenAPI document below `/api/v1`. */
export const OPENAPI_DOCUMENT_PATH = '/openapi.json';

/** Builds an OpenAPI 3.1 document of every route in a route table. */
export function buildOpenApiDocument(
  table: Record<string, RouteDefinition>,
  info: { title: string; version: string },
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(table)) {
    const openApiPath = API_PREFIX + route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [
      ...objectProperties(route.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
      ...objectProperties(route.query).map(([name, schema, required]) => ({ name, in: 'query', required, schema })),
    ];
    if (route.settingsWrite) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string', description: 'Settings version (ETag) the change is based on' },
      });
    }
    const responses: Record<string, unknown> = {
      [route.success.status]: route.success.body
        ? {
            description: 'Success',
            content: { 'application/json': { schema: toJsonSchema(route.success.body, 'output') } },
          }
        : { description: 'Success, no content' },
    };
    for (const code of route.errors) {
      const status = String(ERROR_STATUS[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      parameters,
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
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
    parameters: [],
    responses: {
      200: { description: 'An OpenAPI 3.1 document of every route', content: { 'application/json': { schema: {} } } },
    },
  };
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { schemas: { Problem: toJsonSchema(ProblemSchema, 'output') } },
  };
}
