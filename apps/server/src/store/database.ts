import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigurationError } from '../configuration-error.ts';
import { isLockedError, retryWhileLocked, SQLITE_BLOCKING_WAIT_MS, SQLITE_LOCK_WAIT_MS } from './lock-wait.ts';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';
import { withStatementCache } from './statement-cache.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which engine it is, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * How long a transaction waits in all for another process to release the SQLite file (see
   * `retryWhileLocked`); 0 on PostgreSQL, which queues lock waits itself.
   */
  lockWaitMs: number;
  close(): Promise<void>;
}

/** Parses `sqlite:<path>` (or `sqlite::memory:`) and `postgres://…` URLs. */
export function parseDatabaseUrl(
  url: string,
): { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigurationError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/idr.sqlite');
    return { dialect: 'sqlite', path };
  }
  throw new ConfigurationError(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`);
}

/**
 * How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool)
 * before it answers 503: without a bound, a network that drops packets would hold each request for
 * the operating system's connect timeout, about two minutes.
 */
const POSTGRES_CONNECTION_TIMEOUT_MS = 10_000;
// Idle pooled connections are probed, so that one a failover or a firewall silently cut is found
// and replaced before a request is given it.
const POSTGRES_KEEP_ALIVE_DELAY_MS = 10_000;

/**
 * Opens the database a URL names; does not migrate. `onIdleConnectionError` hears of pooled
 * PostgreSQL connections that died while idle (a server restart, an administrator's termination).
 */
export function openDatabase(
  url: string,
  onIdleConnectionError: (error: Error) => void = () => {},
  {
    connectionTimeoutMs = POSTGRES_CONNECTION_TIMEOUT_MS,
    lockWaitMs = SQLITE_LOCK_WAIT_MS,
  }: { connectionTimeoutMs?: number; lockWaitMs?: number } = {},
): DatabaseHandle {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: connectionTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: POSTGRES_KEEP_ALIVE_DELAY_MS,
    });
    // The pool drops such a connection and opens another when needed; without a listener, the
    // 'error' event would be unhandled and end the process.
    pool.on('error', onIdleConnectionError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', lockWaitMs: 0, close: () => db.destroy() };
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  const sqlite = new SqliteDatabase(target.path);
  // WAL lets readers run beside the single writer. A second process's write is waited out briefly
  // here, blocking, and then by `retryWhileLocked`, which leaves the event loop free.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${Math.min(SQLITE_BLOCKING_WAIT_MS, lockWaitMs)}`);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', lockWaitMs, close: () => db.destroy() };
}

/**
 * Brings the schema to the latest migration; throws with the failing migration's error. A SQLite
 * file another process is writing is waited for, as a transaction would.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await retryWhileLocked(async () => {
    const outcome = await migrator.migrateToLatest();
    // A locked file is thrown, to be waited for; any other error is judged below.
    if (isLockedError(outcome.error)) throw outcome.error;
    return outcome;
  }, SQLITE_LOCK_WAIT_MS);
  if (!error) return;
  const failed = results?.find((result) => result.status === 'Error');
  // No migration failed: the migrator could not start (an unreachable database…), and its own error says why.
  if (!failed) throw error;
  throw new Error(`Migration ${failed.migrationName} failed`, { cause: error });
}

/** Answers whether the database responds to a trivial query. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
