import type { Kysely, Transaction } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.ts';
import type { Database } from './schema.ts';

/** A query executor: the database itself or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** The persistence port the services use: one query codebase, the dialect only for its few differences. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Runs `work` in a transaction, retrying a bounded number of times on serialization failures. */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL: serialization_failure and deadlock_detected; SQLite: SQLITE_BUSY after busy_timeout.
const RETRYABLE_CODES = new Set(['40001', '40P01', 'SQLITE_BUSY']);
const MAX_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE_CODES.has(String((error as { code?: unknown }).code));
}

/** Wraps an open database as the store port. */
export function createStore(handle: DatabaseHandle): Store {
  return {
    db: handle.db,
    dialect: handle.dialect,
    async transaction(work) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await handle.db.transaction().execute(work);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt * Math.random()));
        }
      }
    },
    close: () => handle.close(),
  };
}
