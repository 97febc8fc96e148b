import type { Space } from '@idr/contracts';
import type { Dialect } from './database.ts';
import type { SpacesTable } from './schema.ts';
import type { Executor } from './store.ts';

/** A space row as the services see it: the API shape plus its settings version. */
export interface SpaceRecord extends Space {
  version: number;
}

function toSpaceRecord(row: SpacesTable): SpaceRecord {
  return {
    id: row.id,
    name: row.name,
    defaultCountry: row.default_country,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

export async function listSpaces(db: Executor): Promise<SpaceRecord[]> {
  const rows = await db.selectFrom('spaces').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toSpaceRecord);
}

export async function findSpace(db: Executor, id: string): Promise<SpaceRecord | undefined> {
  const row = await db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSpaceRecord(row);
}

/** Reads a space and, on PostgreSQL, locks its row so settings writes of one space run one at a time. */
export async function lockSpace(db: Executor, dialect: Dialect, id: string): Promise<SpaceRecord | undefined> {
  const row = await db
    .selectFrom('spaces')
    .selectAll()
    .where('id', '=', id)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
  return row && toSpaceRecord(row);
}

export async function insertSpace(db: Executor, space: SpaceRecord): Promise<void> {
  await db
    .insertInto('spaces')
    .values({
      id: space.id,
      name: space.name,
      default_country: space.defaultCountry,
      version: space.version,
      created_at: space.createdAt,
      updated_at: space.updatedAt,
    })
    .execute();
}

export async function updateSpace(
  db: Executor,
  id: string,
  changes: { name?: string; defaultCountry?: string; version: number; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('spaces')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.defaultCountry !== undefined ? { default_country: changes.defaultCountry } : {}),
      version: changes.version,
      updated_at: changes.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}
