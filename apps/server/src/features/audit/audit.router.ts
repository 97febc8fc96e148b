import { routes } from '@idr/contracts';
import { Router } from 'express';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { mountRoute } from '../../http/mount-route.ts';
import { listAuditEntries } from '../../store/audit.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace } from '../settings/settings-write.ts';

/** The settings audit log, newest first, paged by cursor. */
export function auditRouter(store: Store): Router {
  const router = Router();
  mountRoute(router, routes.listAudit, async ({ params, query }) => {
    requireSpace(await findSpace(store.db, params.space), params.space);
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await listAuditEntries(store.db, params.space, { limit: query.limit, beforeId });
    const { items, nextCursor } = toPage(rows, query.limit);
    return { body: { entries: items, nextCursor } };
  });
  return router;
}
