import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Kysely's SQLite dialect, with transactions that take the file's write lock as they begin
 * (`BEGIN IMMEDIATE`), as every transaction here writes. Begun deferred, a transaction reads
 * first; if another process (a second server, a backup, a sqlite3 shell) then holds the write
 * lock, SQLite refuses it the lock at once, without its busy wait, and its reads are wasted; if
 * the other process wrote meanwhile, it must start over (SQLITE_BUSY_SNAPSHOT). Begun immediate, it
 * waits for the lock before reading anything, and what it reads stays current until it commits.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
