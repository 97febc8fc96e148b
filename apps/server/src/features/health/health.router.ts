import { API_PREFIX, buildOpenApiDocument, routes } from '@idr/contracts';
import { Router } from 'express';
import { AppError } from '../../http/app-error.ts';
import { mountRoute } from '../../http/mount-route.ts';
import { pingDatabase } from '../../store/database.ts';
import type { Store } from '../../store/store.ts';

/** Liveness, readiness and the OpenAPI document. */
export function healthRouter(store: Store, version: string): Router {
  const router = Router();
  mountRoute(router, routes.healthz, async () => ({ body: { status: 'ok' as const } }));
  mountRoute(router, routes.readyz, async () => {
    if (!(await pingDatabase(store.db))) throw new AppError('not_ready', 'The database does not answer');
    return { body: { status: 'ready' as const } };
  });
  const openApi = buildOpenApiDocument(routes, { title: 'Identity Resolution Console API', version });
  router.get(`${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(openApi);
  });
  return router;
}
