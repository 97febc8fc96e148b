import { errorCode } from './database-errors.ts';

/**
 * How long one SQLite statement may wait for another process's lock (`busy_timeout`).
 * better-sqlite3 is synchronous: while SQLite's busy handler waits, the whole event loop does, and
 * no other request is answered. So a statement waits only this long; longer waits happen in
 * `retryWhileLocked`, between tries, with the event loop free.
 */
export const SQLITE_BLOCKING_WAIT_MS = 20;

/** How long a write waits in all for another process to release the SQLite file before it fails (then 503). */
export const SQLITE_LOCK_WAIT_MS = 5_000;

// Another process holds the write lock, or is recovering the WAL after a crash.
const LOCKED_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']);

/** Whether an error says another process holds the SQLite file's lock (worth waiting for). */
export function isLockedError(error: unknown): boolean {
  return LOCKED_CODES.has(errorCode(error));
}
const LONGEST_PAUSE_MS = 100;

/**
 * Runs `attempt` again while it fails because another process (a second server, a backup, an
 * operator's sqlite3 shell) holds the SQLite file's write lock, pausing between tries without
 * blocking, until `waitMs` has passed; then the last error goes through (and answers 503). Between
 * tries, the other requests of this process go on. `attempt` must be safe to run again: a whole
 * transaction, which SQLite rolled back (with BEGIN IMMEDIATE it fails before doing anything).
 */
export async function retryWhileLocked<T>(attempt: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = performance.now() + waitMs;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!isLockedError(error) || left <= 0) throw error;
      // Short pauses first (most writes hold the lock for a millisecond or two), growing to 100 ms,
      // with jitter so that writers waiting together do not all try again together.
      const pause = Math.min(LONGEST_PAUSE_MS, 2 ** tries) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}
