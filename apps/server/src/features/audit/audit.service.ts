import type { AuditPage, PageQuery } from '@idr/contracts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { listAuditEntries } from '../../store/audit.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace } from '../settings/settings-write.ts';

/** The settings audit log of a space, newest first, paged by cursor. */
export function createAuditService(store: Store) {
  return {
    async list(spaceId: string, page: PageQuery): Promise<AuditPage> {
      requireSpace(await findSpace(store.db, spaceId), spaceId);
      const list = `audit:${spaceId}`;
      const beforeId = page.cursor === undefined ? undefined : decodeCursor(list, page.cursor);
      const rows = await listAuditEntries(store.db, spaceId, { limit: page.limit, beforeId });
      const { items, nextCursor } = toPage(list, rows, page.limit);
      return { entries: items, nextCursor };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
