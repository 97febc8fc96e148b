import type { Identifier, IdentifierKind, LimitWindow, Normalization } from '@idr/contracts';
import type { IdentifiersTable } from './schema.ts';
import type { Executor } from './store.ts';

/** The case-folded form display names are compared in (unique per space). */
export function foldDisplayName(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

function toIdentifier(row: IdentifiersTable): Identifier {
  return {
    key: row.key,
    kind: row.kind as IdentifierKind,
    displayName: row.display_name,
    priority: Number(row.priority),
    limit: { count: Number(row.limit_count), window: row.limit_window as LimitWindow },
    normalization: row.normalization as Normalization,
    blockedValues: JSON.parse(row.blocked_values),
    sourceKeys: JSON.parse(row.source_keys),
  };
}

function toRow(spaceId: string, identifier: Identifier, now: string): IdentifiersTable {
  return {
    space_id: spaceId,
    key: identifier.key,
    kind: identifier.kind,
    display_name: identifier.displayName,
    display_name_folded: foldDisplayName(identifier.displayName),
    priority: identifier.priority,
    limit_count: identifier.limit.count,
    limit_window: identifier.limit.window,
    normalization: identifier.normalization,
    blocked_values: JSON.stringify(identifier.blockedValues),
    source_keys: JSON.stringify(identifier.sourceKeys),
    created_at: now,
    updated_at: now,
  };
}

/** The identifiers of a space, highest priority first. */
export async function listIdentifiers(db: Executor, spaceId: string): Promise<Identifier[]> {
  const rows = await db
    .selectFrom('identifiers')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('priority')
    .execute();
  return rows.map(toIdentifier);
}

export async function insertIdentifiers(db: Executor, spaceId: string, identifiers: Identifier[], now: string) {
  if (identifiers.length === 0) return;
  await db
    .insertInto('identifiers')
    .values(identifiers.map((identifier) => toRow(spaceId, identifier, now)))
    .execute();
}

/** Writes every field of an existing identifier except its key and creation time. */
export async function updateIdentifier(db: Executor, spaceId: string, identifier: Identifier, now: string) {
  const { space_id: _s, key: _k, created_at: _c, ...fields } = toRow(spaceId, identifier, now);
  await db
    .updateTable('identifiers')
    .set(fields)
    .where('space_id', '=', spaceId)
    .where('key', '=', identifier.key)
    .execute();
}

/** Stores new priorities for the keys whose priority changed. */
export async function updatePriorities(db: Executor, spaceId: string, priorities: Map<string, number>, now: string) {
  for (const [key, priority] of priorities) {
    await db
      .updateTable('identifiers')
      .set({ priority, updated_at: now })
      .where('space_id', '=', spaceId)
      .where('key', '=', key)
      .execute();
  }
}

export async function deleteIdentifier(db: Executor, spaceId: string, key: string): Promise<void> {
  await db.deleteFrom('identifiers').where('space_id', '=', spaceId).where('key', '=', key).execute();
}

export async function deleteAllIdentifiers(db: Executor, spaceId: string): Promise<void> {
  await db.deleteFrom('identifiers').where('space_id', '=', spaceId).execute();
}
