import { sql } from 'kysely';
import type { Executor } from './store.ts';

// Types longer than this are noise from a broken integration, not identifiers worth listing.
const MAX_TYPE_LENGTH = 100;

/** Counts `context.externalIds` types that matched no identifier (SPEC §5.2), one upsert per type. */
export async function recordUnrecognizedTypes(db: Executor, spaceId: string, types: string[], at: number) {
  for (const type of types) {
    if (type.length === 0 || type.length > MAX_TYPE_LENGTH) continue;
    await db
      .insertInto('unrecognized_identifier_types')
      .values({ space_id: spaceId, type, first_seen_at: at, last_seen_at: at, event_count: 1 })
      .onConflict((conflict) =>
        conflict.columns(['space_id', 'type']).doUpdateSet({
          last_seen_at: sql`case when ${sql.ref('unrecognized_identifier_types.last_seen_at')} > ${at} then ${sql.ref('unrecognized_identifier_types.last_seen_at')} else ${at} end`,
          event_count: sql`${sql.ref('unrecognized_identifier_types.event_count')} + 1`,
        }),
      )
      .execute();
  }
}

/** The unrecognised types of a space, most recently seen first. */
export async function listUnrecognizedTypes(db: Executor, spaceId: string) {
  const rows = await db
    .selectFrom('unrecognized_identifier_types')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('type')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    type: row.type,
    firstSeenAt: new Date(Number(row.first_seen_at)).toISOString(),
    lastSeenAt: new Date(Number(row.last_seen_at)).toISOString(),
    eventCount: Number(row.event_count),
  }));
}
