import type { Kysely, Transaction } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.ts';
import { errorCode, isUniqueViolation } from './database-errors.ts';
import { retryWhileLocked } from './lock-wait.ts';
import type { Database } from './schema.ts';

/** A query executor: the database itself or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** The persistence port the services use: one query codebase, the dialect only for its few differences. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Runs `work` in a transaction, retrying a bounded number of times on serialization failures and
   * deadlocks; with `retryOnConflict`, also when a concurrent transaction inserted the same key first.
   * On SQLite, a file another process is writing is waited for, without blocking, for up to
   * `lockWaitMs`. `work` may therefore run more than once: it must only touch the database.
   */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>, options?: { retryOnConflict?: boolean }): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL: serialization_failure and deadlock_detected. Ours: a read found a profile merged by
// a concurrent transaction. (SQLite needs none: its transactions take the write lock before they
// read, sqlite-dialect.ts, and another process's lock is waited out by `retryWhileLocked`.)
const RETRYABLE_CODES = new Set(['40001', '40P01', 'concurrent_change']);
const MAX_ATTEMPTS = 8;

function isRetryable(error: unknown, retryOnConflict: boolean): boolean {
  // A unique violation: a concurrent transaction claimed the same identifier value or message id first.
  return RETRYABLE_CODES.has(errorCode(error)) || (retryOnConflict && isUniqueViolation(error));
}

/** Wraps an open database as the store port. */
export function createStore(handle: DatabaseHandle): Store {
  return {
    db: handle.db,
    dialect: handle.dialect,
    async transaction(work, options = {}) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await retryWhileLocked(() => handle.db.transaction().execute(work), handle.lockWaitMs);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error, options.retryOnConflict ?? false)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt * Math.random()));
        }
      }
    },
    close: () => handle.close(),
  };
}
