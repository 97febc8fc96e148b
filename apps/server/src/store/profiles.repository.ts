import type { IdentifierValue, ResolutionResult } from '@idr/contracts';
import type {
  ProfileState,
  ProfileWrite,
  ResolutionPlan,
  ResolverStore,
  StoredIdentifier,
  TraitState,
} from '@idr/resolver';
import type { Dialect } from './database.ts';
import {
  identifierRows,
  messageRow,
  newProfileRow,
  type ProfileEventEntry,
  profileEventRow,
  profileUpdate,
  withWrite,
} from './profile-rows.ts';
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

/** The resolver's store port on SQL, and a write that also records the event in the profile's history. */
export interface SqlResolverStore extends ResolverStore {
  applyRecording(plan: ResolutionPlan, history: ProfileEventEntry | null): Promise<void>;
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
 * the reads lock the profiles holding the event's values, so that concurrent resolutions touching
 * the same values serialize (every change to a held value is made under its profile's lock: a
 * merge moves it); values nobody holds yet are protected by the
 * primary key of profile_identifiers (a concurrent insert fails and the transaction is retried).
 */
export function createSqlResolverStore(
  db: Executor,
  spaceId: string,
  options: { dialect: Dialect; readOnly?: boolean; now: () => number },
): SqlResolverStore {
  // SQLite runs one write transaction at a time and has no row locks; a read-only view takes none.
  const lock = options.dialect === 'postgres' && !options.readOnly;
  const now = options.now;
  // Traits of the live profiles `findProfilesByValues` read in this transaction (locked on
  // PostgreSQL, the only writer on SQLite): `apply` merges into them without reading them again.
  const readTraits = new Map<string, Record<string, TraitState>>();

  /**
   * The profiles holding any of these values, sorted by id, locked on PostgreSQL. One statement:
   * the profile rows are locked (in id order, so two resolutions cannot deadlock on them) and the
   * holders found by a subquery. A holder a concurrent merge turned into a tombstone while this
   * waited for its lock comes back with `merged_into` set, which the caller detects.
   */
  async function holderRows(values: readonly IdentifierValue[]): Promise<ProfilesTable[]> {
    const byId = new Map<string, ProfilesTable>();
    for (const part of chunks(values)) {
      const rows = await db
        .selectFrom('profiles')
        .selectAll()
        .where('space_id', '=', spaceId)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('profile_identifiers')
            .select('profile_id')
            .where('space_id', '=', spaceId)
            .where((inner) =>
              inner.or(part.map(({ key, value }) => inner.and([inner('key', '=', key), inner('value', '=', value)]))),
            ),
        )
        .orderBy('id')
        .$if(lock, (query) => query.forUpdate())
        .execute();
      for (const row of rows) byId.set(row.id, row);
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The stored traits of a profile this resolution writes to: as read (and locked) before, else read now. */
  async function currentTraits(write: ProfileWrite): Promise<Record<string, TraitState>> {
    const read = readTraits.get(write.profileId);
    if (read !== undefined || write.create) return read ?? {};
    const current = await db
      .selectFrom('profiles')
      .select('traits')
      .where('space_id', '=', spaceId)
      .where('id', '=', write.profileId)
      .executeTakeFirstOrThrow();
    return JSON.parse(current.traits);
  }

  /**
   * Writes a plan and, when given, the event's history row, in the caller's transaction. On
   * PostgreSQL a plan that merges nothing (nearly all of them) is one statement, its writes joined
   * as data-modifying CTEs: each statement is a round trip, and with ~10 of them an event spent
   * most of its time waiting on them (docs/benchmarks.md).
   */
  async function applyRecording(plan: ResolutionPlan, history: ProfileEventEntry | null): Promise<void> {
    if (options.readOnly) throw new Error('This view of the profiles is read-only');
    const write = plan.profile;
    if (
      options.dialect === 'postgres' &&
      write !== null &&
      plan.message !== null &&
      write.mergeProfileIds.length === 0
    ) {
      await applyInOneStatement(write, plan.message, history);
      return;
    }
    if (write) await applyProfileWrite(write);
    if (plan.message) {
      await db
        .insertInto('processed_messages')
        .values(messageRow(spaceId, plan.message, write?.updatedAt ?? now()))
        .execute();
    }
    if (history) await db.insertInto('profile_events').values(profileEventRow(spaceId, history)).execute();
  }

  async function applyInOneStatement(
    write: ProfileWrite,
    message: NonNullable<ResolutionPlan['message']>,
    history: ProfileEventEntry | null,
  ): Promise<void> {
    const traits = await currentTraits(write);
    let query = withWrite(db, 'profile_write', (creator) =>
      write.create
        ? creator.insertInto('profiles').values(newProfileRow(spaceId, write))
        : creator
            .updateTable('profiles')
            .set(profileUpdate(write, traits))
            .where('space_id', '=', spaceId)
            .where('id', '=', write.profileId),
    );
    if (write.addIdentifiers.length > 0) {
      const rows = identifierRows(spaceId, write, write.addIdentifiers);
      query = withWrite(query, 'identifiers_write', (creator) =>
        creator.insertInto('profile_identifiers').values(rows),
      );
    }
    if (history) {
      const row = profileEventRow(spaceId, history);
      query = withWrite(query, 'history_write', (creator) => creator.insertInto('profile_events').values(row));
    }
    await query
      .insertInto('processed_messages')
      .values(messageRow(spaceId, message, write.updatedAt))
      .execute();
  }

  /** A profile write as a sequence of statements (SQLite, where a statement costs no round trip; merges). */
  async function applyProfileWrite(write: ProfileWrite): Promise<void> {
    const id = write.profileId;
    const merged = [...write.mergeProfileIds];
    // A profile is created only when no profile matched, so nothing is merged into it: it is
    // inserted whole, with no update afterwards.
    if (write.create) await db.insertInto('profiles').values(newProfileRow(spaceId, write)).execute();
    const traits = await currentTraits(write);
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
    for (const part of chunks(write.addIdentifiers)) {
      await db
        .insertInto('profile_identifiers')
        .values(identifierRows(spaceId, write, part))
        .execute();
    }
    if (!write.create) {
      await db
        .updateTable('profiles')
        .set(profileUpdate(write, traits))
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .execute();
    }
  }

  return {
    async findProfilesByValues(values: readonly IdentifierValue[]): Promise<ProfileState[]> {
      if (values.length === 0) return [];
      const rows = await holderRows(values);
      if (rows.some((row) => row.merged_into !== null)) {
        // A concurrent transaction merged a holder while this one waited for its lock: start over on fresh data.
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

    apply: (plan: ResolutionPlan) => applyRecording(plan, null),
    applyRecording,
  };
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

/**
 * Deletes up to `limit` of a space's history rows whose id sorts below `beforeId` (ids start with
 * the received time), oldest first; returns how many went. Bounded, so that no single statement
 * holds the database (and on SQLite the event loop) for long.
 */
export async function deleteProfileEventsBefore(
  db: Executor,
  spaceId: string,
  beforeId: string,
  limit: number,
): Promise<number> {
  const { numDeletedRows } = await db
    .deleteFrom('profile_events')
    .where('space_id', '=', spaceId)
    .where('id', 'in', (query) =>
      query
        .selectFrom('profile_events')
        .select('id')
        .where('space_id', '=', spaceId)
        .where('id', '<', beforeId)
        .orderBy('id')
        .limit(limit),
    )
    .executeTakeFirstOrThrow();
  return Number(numDeletedRows);
}
