import type { Logger } from 'pino';
import { sortableIdBound } from '../../store/ids.ts';
import { deleteProfileEventsBefore } from '../../store/profiles.repository.ts';
import { listSpaces } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the history is pruned: a retention counted in days needs no finer grain. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
// Rows deleted per statement: few enough that a statement never holds the database (and on SQLite
// the event loop) for long, enough that a backlog does not cost a round trip per row.
const ROWS_PER_STATEMENT = 1_000;

/**
 * Deletes the profiles' event history (`GET …/profiles/:id/events`, the raw events with whatever
 * personal data they carry) received more than `days` days before `now`, in every space; returns
 * how many events went. Profiles, their identifiers and traits stay; so do processed message ids,
 * which SPEC §7.7 keeps answering as duplicates whenever they come back.
 */
export async function pruneEventHistory(
  store: Store,
  days: number,
  now: Date,
  { rowsPerStatement = ROWS_PER_STATEMENT, signal }: { rowsPerStatement?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const beforeId = sortableIdBound(new Date(now.getTime() - days * DAY_MS));
  let deleted = 0;
  for (const space of await listSpaces(store.db)) {
    // Stopped (the server is shutting down): the rest waits for the next run.
    while (!signal?.aborted) {
      const count = await deleteProfileEventsBefore(store.db, space.id, beforeId, rowsPerStatement);
      deleted += count;
      if (count < rowsPerStatement) break;
      // Requests waiting behind the pruning go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return deleted;
}

/** A running retention: `stop` ends the schedule and a pruning under way (after its current statement). */
export interface EventHistoryRetention {
  stop(): Promise<void>;
}

/**
 * Prunes the event history now, then every `intervalMs` (`IDR_EVENT_HISTORY_DAYS`). A failed run
 * (the database not answering) is logged and tried again at the next interval.
 */
export function startEventHistoryRetention({
  store,
  days,
  logger,
  now = () => new Date(),
  intervalMs = PRUNE_INTERVAL_MS,
}: {
  store: Store;
  days: number;
  logger: Logger;
  now?: () => Date;
  intervalMs?: number;
}): EventHistoryRetention {
  let running: Promise<void> | null = null;
  const stopping = new AbortController();
  const run = () => {
    // A run that outlasts the interval (a first backlog) is not joined by a second one.
    if (running) return;
    running = pruneEventHistory(store, days, now(), { signal: stopping.signal })
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted, retentionDays: days }, 'deleted event history past its retention');
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not delete old event history; trying again at the next interval');
      })
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  // The schedule alone does not keep the process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      // A first backlog may take minutes; shutting down must not wait for all of it.
      stopping.abort();
      await running;
    },
  };
}
