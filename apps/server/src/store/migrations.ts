import type { Kysely, Migration, MigrationProvider } from 'kysely';

// One migration set for SQLite and PostgreSQL: only portable column types (text, integer) and
// constraints that include space_id.
const migrations: Record<string, Migration> = {
  '0001_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('spaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('default_country', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identifiers')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('display_name_folded', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('limit_count', 'integer', (c) => c.notNull())
        .addColumn('limit_window', 'text', (c) => c.notNull())
        .addColumn('normalization', 'text', (c) => c.notNull())
        .addColumn('blocked_values', 'text', (c) => c.notNull())
        .addColumn('source_keys', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('identifiers_pk', ['space_id', 'key'])
        .addUniqueConstraint('identifiers_display_name_unique', ['space_id', 'display_name_folded'])
        .execute();
      await db.schema
        .createTable('address_type_mappings')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('address_type', 'text', (c) => c.notNull())
        .addColumn('identifier_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('address_type_mappings_pk', ['space_id', 'address_type'])
        .addUniqueConstraint('address_type_mappings_identifier_unique', ['space_id', 'identifier_key'])
        .execute();
      await db.schema
        .createTable('audit_entries')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addPrimaryKeyConstraint('audit_entries_pk', ['space_id', 'id'])
        .execute();
    },
  },
  '0002_profiles': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('profiles')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('merged_into', 'text')
        .addColumn('merged_from', 'text', (c) => c.notNull())
        .addColumn('merge_count', 'integer', (c) => c.notNull())
        .addColumn('traits', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('profiles_pk', ['space_id', 'id'])
        .execute();
      await db.schema.createIndex('profiles_merged_into').on('profiles').columns(['space_id', 'merged_into']).execute();
      await db.schema
        .createTable('profile_identifiers')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        // The primary key is invariant I1: one holder per identifier value in a space.
        .addPrimaryKeyConstraint('profile_identifiers_pk', ['space_id', 'key', 'value'])
        .execute();
      await db.schema
        .createIndex('profile_identifiers_profile')
        .on('profile_identifiers')
        .columns(['space_id', 'profile_id'])
        .execute();
      await db.schema
        .createTable('processed_messages')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('processed_messages_pk', ['space_id', 'message_id'])
        .execute();
      await db.schema
        .createTable('profile_events')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('profile_events_pk', ['space_id', 'id'])
        .execute();
      await db.schema
        .createIndex('profile_events_profile')
        .on('profile_events')
        .columns(['space_id', 'profile_id', 'id'])
        .execute();
    },
  },
  '0003_unrecognized_identifier_types': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('unrecognized_identifier_types')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('event_count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('unrecognized_identifier_types_pk', ['space_id', 'type'])
        .execute();
    },
  },
};

/** Serves the migrations from code, so the bundled server needs no migration folder on disk. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
