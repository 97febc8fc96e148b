import { API_PREFIX, buildPath, ProblemSchema, type RouteName, type Routes, routes, toIssues } from '@idr/contracts';
import type { z } from 'zod';
import { ApiError, NetworkError, ResponseSchemaError } from './errors.ts';

type RouteOf<N extends RouteName> = Routes[N];
type ParamsOf<N extends RouteName> =
  RouteOf<N> extends { params: z.ZodType } ? z.input<RouteOf<N>['params']> : undefined;
type BodyOf<N extends RouteName> = RouteOf<N> extends { body: z.ZodType } ? z.input<RouteOf<N>['body']> : undefined;
type QueryOf<N extends RouteName> = RouteOf<N> extends { query: z.ZodType } ? z.input<RouteOf<N>['query']> : undefined;
/** What a route answers on success, as its contract parses it (`null` for an empty body). */
export type ResultOf<N extends RouteName> = RouteOf<N>['success']['body'] extends z.ZodType
  ? z.output<RouteOf<N>['success']['body']>
  : null;

export interface CallOptions<N extends RouteName> {
  params?: ParamsOf<N>;
  body?: BodyOf<N>;
  /** Query parameters; `undefined` values are left out. */
  query?: QueryOf<N>;
  /** Settings version the write is based on; sent as `If-Match`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The ETag without quotes (the settings version), when the route returns one. */
  etag: string | null;
  requestId: string | null;
}

function toSearch(query: unknown): string {
  if (typeof query !== 'object' || query === null) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function stripEtag(etag: string | null): string | null {
  if (etag === null) return null;
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await response.text();
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Calls one route of the contract: builds the URL from its path, sends JSON, and parses the
 * answer with its success schema. Throws ApiError, NetworkError or ResponseSchemaError.
 */
export async function callRoute<N extends RouteName>(
  name: N,
  options: CallOptions<N> = {},
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<ApiResponse<ResultOf<N>>> {
  const route = routes[name];
  const url =
    API_PREFIX + buildPath(route.path, (options.params ?? {}) as Record<string, string>) + toSearch(options.query);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: route.method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError('Could not reach the server. Check your connection and try again.', { cause: error });
  }

  const requestId = response.headers.get('X-Request-Id');

  if (!response.ok) {
    const body = await readJson(response);
    const problem = body.ok ? ProblemSchema.safeParse(body.value) : null;
    if (problem?.success) {
      throw new ApiError({ ...problem.data, requestId: problem.data.requestId || requestId });
    }
    throw new ApiError({
      status: response.status,
      code: 'unknown',
      title: response.statusText || `HTTP ${response.status}`,
      detail: `The server answered ${response.status} ${response.statusText}`.trim(),
      requestId,
    });
  }

  const etag = stripEtag(response.headers.get('ETag'));
  const schema = route.success.body as z.ZodType | null;
  if (schema === null) {
    return { data: null as ResultOf<N>, status: response.status, etag, requestId };
  }
  const body = await readJson(response);
  if (!body.ok) {
    throw new ResponseSchemaError(name, response.status, [{ path: '', message: 'Body is not JSON' }], requestId);
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    throw new ResponseSchemaError(name, response.status, toIssues(parsed.error), requestId);
  }
  return { data: parsed.data as ResultOf<N>, status: response.status, etag, requestId };
}
