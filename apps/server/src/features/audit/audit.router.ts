import { routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { AuditService } from './audit.service.ts';

/** Route of the settings audit log (SPEC §9). */
export function auditRouter(service: AuditService): Router {
  const router = Router();
  mountRoute(router, routes.listAudit, async ({ params, query }) => ({
    body: await service.list(params.space, query),
  }));
  return router;
}
