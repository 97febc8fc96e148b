import { API_PREFIX, type RouteDefinition } from '@idr/contracts';
import type { RequestHandler } from 'express';
import { AppError } from './app-error.ts';

/** Answers API paths no route took: 405 with `Allow` when the path exists for other methods, else 404. */
export function apiNotFound(table: Record<string, RouteDefinition>): RequestHandler {
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
        new AppError('method_not_allowed', `${req.method} is not allowed here; use ${allow}`, {
          headers: { Allow: allow },
        }),
      );
      return;
    }
    next(new AppError('not_found', `Nothing is at ${req.method} ${path}`));
  };
}
