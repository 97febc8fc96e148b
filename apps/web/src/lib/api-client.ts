import { API_PREFIX, buildPath, type Issue, ProblemSchema, type RouteName, type Routes, routes } from '@idr/contracts';
import type { z } from 'zod';

type RouteOf<N extends RouteName> = Routes[N];
type ParamsOf<N extends RouteName> =
  RouteOf<N> extends { params: z.ZodType } ? z.input<RouteOf<N>['params']> : undefined;
type BodyOf<N extends RouteName> = RouteOf<N> extends { body: z.ZodType } ? z.input<RouteOf<N>['body']> : undefined;
/** What a route answers on success, as its contract parses it (`null` for an empty body). */
export type ResultOf<N extends RouteName> = RouteOf<N>['success']['body'] extends z.ZodType
  ? z.output<RouteOf<N>['success']['body']>
  : null;

export interface CallOptions<N extends RouteName> {
  params?: ParamsOf<N>;
  body?: BodyOf<N>;
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

/** The server answered with an error (problem+json, or something unexpected on an error status). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** A code of SPEC §9, or `unknown` when the error body was not problem+json (e.g. a proxy page). */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly issues: readonly Issue[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    issues?: readonly Issue[];
    requestId?: string | null;
  }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }
}

/** The request never got an answer: the server is down, the network is gone, or CORS/proxy failed. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The server answered with success, but the body does not match the contract. */
export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
  readonly route: RouteName;
  readonly status: number;
  readonly issues: readonly Issue[];
  readonly requestId: string | null;
  constructor(route: RouteName, status: number, issues: readonly Issue[], requestId: string | null) {
    super(`The server's answer to ${route} does not match the API contract`);
    this.route = route;
    this.status = status;
    this.issues = issues;
    this.requestId = requestId;
  }
}

/** Whether an error is a 412 `version_conflict`: someone else changed the settings first. */
export function isVersionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'version_conflict';
}

function toIssueList(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
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
  const url = API_PREFIX + buildPath(route.path, (options.params ?? {}) as Record<string, string>);
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
    throw new ResponseSchemaError(name, response.status, toIssueList(parsed.error), requestId);
  }
  return { data: parsed.data as ResultOf<N>, status: response.status, etag, requestId };
}

/** A short, human explanation of any error the client may throw, for error states and alerts. */
export function describeError(error: unknown): { title: string; detail: string; requestId: string | null } {
  if (error instanceof ApiError) {
    return { title: error.title, detail: error.detail, requestId: error.requestId };
  }
  if (error instanceof NetworkError) {
    return { title: 'The server cannot be reached', detail: error.message, requestId: null };
  }
  if (error instanceof ResponseSchemaError) {
    return {
      title: 'Unexpected answer from the server',
      detail: `${error.message}. The console and the server may be on different versions; reload the page.`,
      requestId: error.requestId,
    };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    requestId: null,
  };
}
