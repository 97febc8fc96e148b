import { API_PREFIX, type RouteDefinition } from '@idr/contracts';
import type { Request, RequestHandler } from 'express';
import { AppError } from './app-error.ts';

// Paths are echoed in `detail`; a URL may be up to 16 KiB, a problem need not be.
const MAX_PATH_IN_DETAIL = 200;

/** `METHOD /path` of a request as the client sent it (without the query), for a problem's detail. */
function describeRequest(req: Request): string {
  // originalUrl, not baseUrl + path: inside a mounted router `/api` would read as `/api/`.
  const path = req.originalUrl.split('?')[0] ?? '/';
  const shown = path.length > MAX_PATH_IN_DETAIL ? `${path.slice(0, MAX_PATH_IN_DETAIL)}…` : path;
  return `${req.method} ${shown}`;
}

/**
 * Answers API paths no route took with 404 `not_found`. When the path exists for other methods it
 * still answers 404 (SPEC §9 lists no 405), but says which methods it accepts, also as `Allow`.
 */
export function apiNotFound(table: Record<string, Pick<RouteDefinition, 'method' | 'path'>>): RequestHandler {
  const patterns = Object.values(table).map((route) => ({
    method: route.method,
    pattern: new RegExp(`^${API_PREFIX}${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
  }));
  return (req, _res, next) => {
    const path = req.baseUrl + req.path;
    const allowed = patterns.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method);
    if (allowed.length > 0) {
      const allow = [...new Set(allowed)].join(', ');
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
