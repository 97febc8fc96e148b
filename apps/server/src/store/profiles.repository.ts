import type { IdentifierValue, ResolutionResult } from '@idr/contracts';
import type { ProfileState, ResolutionPlan, ResolverStore, StoredIdentifier, TraitState } from '@idr/resolver';
import type { Dialect } from './database.ts';
import type { ProfilesTable } from './schema.ts';
import type { Executor } from './store.ts';

// Large IN lists are split so that no statement exceeds SQLite's bound-parameter limit.
const CHUNK = 300;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

async function loadProfiles(db: Executor, spaceId: string, rows: ProfilesTable[]): Promise<ProfileState[]> {
  if (rows.length === 0) return [];
  const identifiersByProfile = new Map<string, StoredIdentifier[]>(rows.map((row) => [row.id, []]));
  for (const ids of chunks(rows.map((row) => row.id))) {
    const identifierRows = await db
      .selectFrom('profile_identifiers')
      .select(['profile_id', 'key', 'value', 'first_seen_at'])
      .where('space_id', '=', spaceId)
      .where('profile_id', 'in', ids)
      .execute();
    for (const row of identifierRows) {
      identifiersByProfile
        .get(row.profile_id)
        ?.push({ key: row.key, value: row.value, firstSeenAt: Number(row.first_seen_at) });
    }
  }
  return rows.map((row) => ({
    id: row.id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    identifiers: identifiersByProfile.get(row.id) ?? [],
    traits: JSON.parse(row.traits) as Record<string, TraitState>,
    mergedFrom: JSON.parse(row.merged_from) as string[],
    mergeCount: Number(row.merge_count),
  }));
}

/** A concurrent write changed what a resolution read; the transaction is retried. */
export class ConcurrentChangeError extends Error {
  readonly code = 'concurrent_change';
  constructor() {
    super('A concurrent resolution changed the profiles this one read');
  }
}

/**
 * The resolver's store port on SQL, for one space, inside the caller's transaction. On PostgreSQL
 * the reads lock what they find (identifier value rows, then their profiles) so that concurrent
 * resolutions touching the same values serialize; values nobody holds yet are protected by the
 * primary key of profile_identifiers (a concurrent insert fails and the transaction is retried).
 */
export function createSqlResolverStore(
  db: Executor,
  spaceId: string,
  options: { dialect: Dialect; readOnly?: boolean; now: () => number },
): ResolverStore {
  // SQLite runs one write transaction at a time and has no row locks; a read-only view takes none.
  const lock = options.dialect === 'postgres' && !options.readOnly;
  const now = options.now;
  // Traits of the live profiles `findProfilesByValues` read in this transaction (locked on
  // PostgreSQL, the only writer on SQLite): `apply` merges into them without reading them again.
  const readTraits = new Map<string, Record<string, TraitState>>();

  async function liveProfileRows(ids: string[]): Promise<ProfilesTable[]> {
    const rows: ProfilesTable[] = [];
    for (const part of chunks([...ids].sort())) {
      rows.push(
        ...(await db
          .selectFrom('profiles')
          .selectAll()
          .where('space_id', '=', spaceId)
          .where('id', 'in', part)
          .orderBy('id')
          .$if(lock, (query) => query.forUpdate())
          .execute()),
      );
    }
    return rows;
  }

  return {
    async findProfilesByValues(values: readonly IdentifierValue[]): Promise<ProfileState[]> {
      if (values.length === 0) return [];
      const holderIds = new Set<string>();
      for (const part of chunks(values)) {
        const rows = await db
          .selectFrom('profile_identifiers')
          .select('profile_id')
          .where('space_id', '=', spaceId)
          .where((eb) => eb.or(part.map(({ key, value }) => eb.and([eb('key', '=', key), eb('value', '=', value)]))))
          .$if(lock, (query) => query.forUpdate())
          .execute();
        for (const row of rows) holderIds.add(row.profile_id);
      }
      const rows = await liveProfileRows([...holderIds]);
      if (rows.some((row) => row.merged_into !== null)) {
        // A concurrent transaction merged a holder between our two reads: start over on fresh data.
        throw new ConcurrentChangeError();
      }
      const profiles = await loadProfiles(db, spaceId, rows);
      for (const profile of profiles) readTraits.set(profile.id, profile.traits);
      return profiles;
    },

    async getProfile(id: string): Promise<ProfileState | undefined> {
      const row = await db
        .selectFrom('profiles')
        .selectAll()
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      // Tombstones always point straight at the live survivor (apply re-points older ones).
      const live = row.merged_into
        ? await db
            .selectFrom('profiles')
            .selectAll()
            .where('space_id', '=', spaceId)
            .where('id', '=', row.merged_into)
            .executeTakeFirst()
        : row;
      return live ? (await loadProfiles(db, spaceId, [live]))[0] : undefined;
    },

    async findMessage(messageId: string): Promise<ResolutionResult | undefined> {
      const row = await db
        .selectFrom('processed_messages')
        .select('result')
        .where('space_id', '=', spaceId)
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.result) as ResolutionResult) : undefined;
    },

    async apply(plan: ResolutionPlan): Promise<void> {
      if (options.readOnly) throw new Error('This view of the profiles is read-only');
      const write = plan.profile;
      if (write) {
        const id = write.profileId;
        const merged = [...write.mergeProfileIds];
        // A new profile (nothing merged into it) is inserted whole: no update of it afterwards.
        const insertedWhole = write.create !== null && merged.length === 0;
        if (write.create) {
          await db
            .insertInto('profiles')
            .values({
              space_id: spaceId,
              id,
              created_at: write.create.createdAt,
              updated_at: write.updatedAt,
              merged_into: null,
              merged_from: insertedWhole ? JSON.stringify(write.mergedFrom) : '[]',
              merge_count: insertedWhole ? write.mergeCount : 0,
              traits: insertedWhole ? JSON.stringify(write.setTraits) : '{}',
            })
            .execute();
        }
        let traits: Record<string, TraitState> = readTraits.get(id) ?? {};
        if (!write.create && !readTraits.has(id)) {
          const current = await db
            .selectFrom('profiles')
            .select('traits')
            .where('space_id', '=', spaceId)
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          traits = JSON.parse(current.traits);
        }
        for (const part of chunks(merged)) {
          await db
            .updateTable('profile_identifiers')
            .set({ profile_id: id })
            .where('space_id', '=', spaceId)
            .where('profile_id', 'in', part)
            .execute();
          // The merged profiles and the tombstones that pointed to them now point to the survivor.
          // Two statements, not one with OR: each uses its index, where SQLite ran the OR as a
          // scan of every profile of the space.
          await db
            .updateTable('profiles')
            .set({ merged_into: id, traits: '{}' })
            .where('space_id', '=', spaceId)
            .where('id', 'in', part)
            .execute();
          await db
            .updateTable('profiles')
            .set({ merged_into: id })
            .where('space_id', '=', spaceId)
            .where('merged_into', 'in', part)
            .execute();
        }
        if (write.addIdentifiers.length > 0) {
          for (const part of chunks(write.addIdentifiers)) {
            await db
              .insertInto('profile_identifiers')
              .values(
                part.map((identifier) => ({
                  space_id: spaceId,
                  key: identifier.key,
                  value: identifier.value,
                  profile_id: id,
                  first_seen_at: write.addedAt,
                })),
              )
              .execute();
          }
        }
        if (!insertedWhole) {
          await db
            .updateTable('profiles')
            .set({
              updated_at: write.updatedAt,
              merged_from: JSON.stringify(write.mergedFrom),
              merge_count: write.mergeCount,
              traits: JSON.stringify({ ...traits, ...write.setTraits }),
            })
            .where('space_id', '=', spaceId)
            .where('id', '=', id)
            .execute();
        }
      }
      if (plan.message) {
        await db
          .insertInto('processed_messages')
          .values({
            space_id: spaceId,
            message_id: plan.message.messageId,
            result: JSON.stringify(plan.message.result),
            processed_at: write?.updatedAt ?? now(),
          })
          .execute();
      }
    },
  };
}

/** Records an event on the profile it resolved to, for the profile's event history. */
export async function insertProfileEvent(
  db: Executor,
  spaceId: string,
  entry: {
    id: string;
    profileId: string;
    messageId: string;
    type: string;
    outcome: string;
    receivedAt: number;
    payload: unknown;
  },
): Promise<void> {
  await db
    .insertInto('profile_events')
    .values({
      space_id: spaceId,
      id: entry.id,
      profile_id: entry.profileId,
      message_id: entry.messageId,
      type: entry.type,
      outcome: entry.outcome,
      received_at: entry.receivedAt,
      event: JSON.stringify(entry.payload),
    })
    .execute();
}

/** Events of some profiles, newest first, below `beforeId` when given; one more than asked, to detect a next page. */
export async function listProfileEvents(
  db: Executor,
  spaceId: string,
  profileIds: string[],
  options: { limit: number; beforeId?: string },
) {
  const rows = await db
    .selectFrom('profile_events')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('profile_id', 'in', profileIds)
    .$if(options.beforeId !== undefined, (query) => query.where('id', '<', options.beforeId!))
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    messageId: row.message_id,
    type: row.type,
    outcome: row.outcome,
    profileId: row.profile_id,
    receivedAt: new Date(Number(row.received_at)).toISOString(),
    payload: JSON.parse(row.event) as Record<string, unknown>,
  }));
}
