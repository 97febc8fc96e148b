import type { IdentifierValue } from '@idr/contracts';
import type { ProfileWrite, ResolutionPlan, TraitState } from '@idr/resolver';
import type { Insertable, InsertQueryBuilder, QueryCreator, UpdateQueryBuilder } from 'kysely';
import type { Database, ProfilesTable } from './schema.ts';

// The rows a resolution writes, built once for both ways of writing them (statement by statement,
// or as one PostgreSQL statement, see profiles.repository.ts).

/** A row of a profile's event history. */
export interface ProfileEventEntry {
  id: string;
  profileId: string;
  messageId: string;
  type: string;
  outcome: string;
  receivedAt: number;
  payload: unknown;
}

/** An insert or update of any table, whose output nobody reads. */
// biome-ignore lint/suspicious/noExplicitAny: the tables and output columns of the write do not matter here
type WriteQuery = InsertQueryBuilder<Database, any, any> | UpdateQueryBuilder<Database, any, any, any>;

/**
 * Adds a data-modifying CTE to a statement. Nothing refers to it by name: PostgreSQL runs every
 * such sub-statement once, whether or not the main statement reads it.
 */
export function withWrite(
  query: QueryCreator<Database>,
  name: string,
  write: (creator: QueryCreator<Database>) => WriteQuery,
): QueryCreator<Database> {
  return query.with(name, write) as unknown as QueryCreator<Database>;
}

/** The profiles row of a profile a write creates, as it stands once nothing more is merged into it. */
export function newProfileRow(spaceId: string, write: ProfileWrite): Insertable<ProfilesTable> {
  return {
    space_id: spaceId,
    id: write.profileId,
    created_at: write.create!.createdAt,
    updated_at: write.updatedAt,
    merged_into: null,
    merged_from: JSON.stringify(write.mergedFrom),
    merge_count: write.mergeCount,
    traits: JSON.stringify(write.setTraits),
  };
}

/** What a write changes on an existing profile; `traits` are its stored ones, before the write. */
export function profileUpdate(write: ProfileWrite, traits: Record<string, TraitState>) {
  return {
    updated_at: write.updatedAt,
    merged_from: JSON.stringify(write.mergedFrom),
    merge_count: write.mergeCount,
    traits: JSON.stringify({ ...traits, ...write.setTraits }),
  };
}

export function identifierRows(spaceId: string, write: ProfileWrite, values: readonly IdentifierValue[]) {
  return values.map(({ key, value }) => ({
    space_id: spaceId,
    key,
    value,
    profile_id: write.profileId,
    first_seen_at: write.addedAt,
  }));
}

export function messageRow(spaceId: string, message: NonNullable<ResolutionPlan['message']>, processedAt: number) {
  return {
    space_id: spaceId,
    message_id: message.messageId,
    result: JSON.stringify(message.result),
    processed_at: processedAt,
  };
}

export function profileEventRow(spaceId: string, entry: ProfileEventEntry) {
  return {
    space_id: spaceId,
    id: entry.id,
    profile_id: entry.profileId,
    message_id: entry.messageId,
    type: entry.type,
    outcome: entry.outcome,
    received_at: entry.receivedAt,
    event: JSON.stringify(entry.payload),
  };
}
