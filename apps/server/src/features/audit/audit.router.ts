import { routes } from '@idr/contracts';
import { Router } from 'express';
import { fieldError } from '../../http/app-error.ts';
import { mountRoute } from '../../http/mount-route.ts';
import { listAuditEntries } from '../../store/audit.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace } from '../settings/settings-write.ts';

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-z]{13}[0-9a-f]{12}$/.test(id)) throw fieldError('cursor', 'Not a cursor this list gave out');
  return id;
}

/** The settings audit log, newest first, paged by cursor. */
export function auditRouter(store: Store): Router {
  const router = Router();
  mountRoute(router, routes.listAudit, async ({ params, query }) => {
    requireSpace(await findSpace(store.db, params.space), params.space);
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await listAuditEntries(store.db, params.space, { limit: query.limit, beforeId });
    const entries = rows.slice(0, query.limit);
    const last = entries.at(-1);
    return { body: { entries, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null } };
  });
  return router;
}
