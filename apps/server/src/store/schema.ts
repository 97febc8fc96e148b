// Every table's key starts with space_id (the distribution column for Citus/YugabyteDB/CockroachDB),
// ids come from the application, and timestamps are ISO 8601 UTC strings so that one query codebase
// sorts and compares them the same way on SQLite and PostgreSQL.

export interface SpacesTable {
  /** The space id: this table's key is the distribution column itself. */
  id: string;
  name: string;
  default_country: string;
  /** Settings version, raised by every settings write. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface IdentifiersTable {
  space_id: string;
  key: string;
  kind: string;
  display_name: string;
  /** Case-folded display name, unique in the space. */
  display_name_folded: string;
  priority: number;
  limit_count: number;
  limit_window: string;
  normalization: string;
  /** JSON array of `{ value, match }`. */
  blocked_values: string;
  /** JSON array of source keys (custom identifiers). */
  source_keys: string;
  created_at: string;
  updated_at: string;
}

export interface AddressTypeMappingsTable {
  space_id: string;
  address_type: string;
  identifier_key: string;
}

export interface AuditEntriesTable {
  space_id: string;
  /** Time-ordered id: the page cursor. */
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON, or null. */
  before_json: string | null;
  after_json: string | null;
}

/** The database as Kysely sees it. */
export interface Database {
  spaces: SpacesTable;
  identifiers: IdentifiersTable;
  address_type_mappings: AddressTypeMappingsTable;
  audit_entries: AuditEntriesTable;
  profiles: ProfilesTable;
  profile_identifiers: ProfileIdentifiersTable;
  processed_messages: ProcessedMessagesTable;
  profile_events: ProfileEventsTable;
  unrecognized_identifier_types: UnrecognizedIdentifierTypesTable;
}

export interface ProfilesTable {
  space_id: string;
  id: string;
  /** Epoch milliseconds (bigint: PostgreSQL returns it as a string, read with Number()). */
  created_at: number | string;
  updated_at: number | string;
  /** The survivor this profile was merged into; null while live. Always points at a live profile. */
  merged_into: string | null;
  /** JSON array of ids merged into this profile, transitively. */
  merged_from: string;
  merge_count: number;
  /** JSON object of trait key → { value, at }. */
  traits: string;
}

export interface ProfileIdentifiersTable {
  space_id: string;
  key: string;
  value: string;
  /** Always a live profile (invariant I1: one holder per value). */
  profile_id: string;
  first_seen_at: number | string;
}

export interface ProcessedMessagesTable {
  space_id: string;
  message_id: string;
  /** JSON of the first result, answered again (as `duplicate`) for a repeat. */
  result: string;
  processed_at: number | string;
}

export interface ProfileEventsTable {
  space_id: string;
  /** Time-ordered id: the page cursor. */
  id: string;
  profile_id: string;
  message_id: string;
  type: string;
  outcome: string;
  received_at: number | string;
  /** JSON of the event as received. */
  event: string;
}

export interface UnrecognizedIdentifierTypesTable {
  space_id: string;
  /** A `context.externalIds[].type` that matched no identifier key. */
  type: string;
  first_seen_at: number | string;
  last_seen_at: number | string;
  event_count: number | string;
}
