import type { AuditEntry } from '@idr/contracts';
import type { Executor } from './store.ts';

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export async function insertAuditEntry(db: Executor, spaceId: string, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      space_id: spaceId,
      id: entry.id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
    })
    .execute();
}

/** Newest entries first, starting below `beforeId` when given; returns one more than asked to detect a next page. */
export async function listAuditEntries(
  db: Executor,
  spaceId: string,
  options: { limit: number; beforeId?: string },
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .selectAll()
    .where('space_id', '=', spaceId)
    .$if(options.beforeId !== undefined, (query) => query.where('id', '<', options.beforeId!))
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  }));
}
