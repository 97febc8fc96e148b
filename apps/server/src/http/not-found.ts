import { API_PREFIX, type ErrorCode, type RouteDefinition } from '@idr/contracts';
import type { Request, RequestHandler } from 'express';
import { AppError } from './app-error.ts';

// Paths are echoed in `detail`; a URL may be up to 16 KiB, a problem need not be.
const MAX_PATH_IN_DETAIL = 200;

// A bad path parameter names something that cannot exist: answer as for an unknown one.
export const PARAM_NOT_FOUND = {
  space: { code: 'space_not_found', message: 'No space has this id' },
  key: { code: 'identifier_not_found', message: 'No identifier has this key' },
  id: { code: 'profile_not_found', message: 'No profile has this id' },
} as const;

// The path segment each parameter follows in the routes' paths (`/spaces/:space`, `/identifiers/:key`, `/profiles/:id`).
const PARAM_AFTER_SEGMENT: Record<string, keyof typeof PARAM_NOT_FOUND> = {
  spaces: 'space',
  identifiers: 'key',
  profiles: 'id',
};

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The 404 for an API path with a segment that is not valid percent-encoding (`/spaces/%zz`), which
 * Express refuses before any route runs: as for an unknown space, identifier or profile when the
 * segment stands where one is named (an earlier segment is checked first, as the routes would),
 * `not_found` otherwise.
 */
export function undecodablePathProblem(req: Request): { code: ErrorCode; detail: string } {
  const segments = (req.originalUrl.split('?')[0] ?? '').split('/');
  const bad = segments.findIndex((segment) => !decodes(segment));
  const param =
    bad > 0 && segments.slice(0, bad).join('/').startsWith(API_PREFIX)
      ? PARAM_AFTER_SEGMENT[segments[bad - 1]!]
      : undefined;
  if (!param) return { code: 'not_found', detail: 'Nothing is at this address' };
  const { code, message } = PARAM_NOT_FOUND[param];
  return { code, detail: `${message}: "${segments[bad]!.slice(0, MAX_PATH_IN_DETAIL)}"` };
}

/** `METHOD /path` of a request as the client sent it (without the query), for a problem's detail. */
function describeRequest(req: Request): string {
  // originalUrl, not baseUrl + path: inside a mounted router `/api` would read as `/api/`.
  const path = req.originalUrl.split('?')[0] ?? '/';
  const shown = path.length > MAX_PATH_IN_DETAIL ? `${path.slice(0, MAX_PATH_IN_DETAIL)}…` : path;
  return `${req.method} ${shown}`;
}

type RouteTable = Record<string, Pick<RouteDefinition, 'method' | 'path'>>;

/**
 * The methods each API path takes, as `Allow` lists them: HEAD beside GET, since every GET route
 * answers HEAD too; an empty list for a path no route has.
 */
function methodsAllowedAt(table: RouteTable): (path: string) => string[] {
  const patterns = Object.values(table).map((route) => ({
    method: route.method,
    pattern: new RegExp(`^${API_PREFIX}${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
  }));
  return (path) => {
    const methods = new Set(patterns.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method));
    return [...methods].flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]));
  };
}

/**
 * Answers OPTIONS on an API path with 204 and the methods it takes as `Allow` (RFC 9110 §9.3.7),
 * the same list its 404 for another method gives. Express would answer 200 with the list as a
 * text body; a path no route has gets the 404 problem as any other method does.
 */
export function apiOptions(table: RouteTable): RequestHandler {
  const allowedAt = methodsAllowedAt(table);
  return (req, res, next) => {
    const allowed = req.method === 'OPTIONS' ? allowedAt(req.path) : [];
    if (allowed.length === 0) {
      next();
      return;
    }
    res
      .status(204)
      .set('Allow', [...allowed, 'OPTIONS'].join(', '))
      .end();
  };
}

/**
 * Answers API paths no route took with 404 `not_found`. When the path exists for other methods it
 * still answers 404 (SPEC §9 lists no 405), but says which methods it accepts, also as `Allow`.
 */
export function apiNotFound(table: RouteTable): RequestHandler {
  const allowedAt = methodsAllowedAt(table);
  return (req, _res, next) => {
    const allowed = allowedAt(req.baseUrl + req.path);
    if (allowed.length > 0) {
      const allow = allowed.join(', ');
      next(
        new AppError('not_found', `Nothing is at ${describeRequest(req)}; this path accepts ${allow}`, {
          headers: { Allow: allow },
        }),
      );
      return;
    }
    next(new AppError('not_found', `Nothing is at ${describeRequest(req)}`));
  };
}

/**
 * The last handler: whatever neither the API nor the console took (e.g. `POST /`, `DELETE /foo`)
 * gets a 404 problem instead of Express's default HTML page (SPEC §9).
 */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `Nothing is at ${describeRequest(req)}`));
};
