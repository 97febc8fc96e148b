import { Worker } from 'node:worker_threads';
import { type BlockedRegexCheck, blockedRegexVerdict, RECHECK_TIMEOUT_MS, type RecheckOutcome } from '@idr/resolver';
import type { Logger } from 'pino';
import type { RecheckRequest } from './recheck-worker.ts';

/** The verdict on each blocked-value pattern of one request, by pattern. */
export type BlockedRegexVerdicts = ReadonlyMap<string, BlockedRegexCheck>;

/**
 * Judges blocked-value regexes before a settings write (SPEC §6: refused at save time when
 * vulnerable to catastrophic backtracking). recheck takes from milliseconds to seconds a pattern
 * and runs synchronously, so it runs in a worker thread: events, lookups and health checks are
 * answered meanwhile. Judge before the write's transaction, which must not wait on it either.
 */
export interface BlockedRegexChecker {
  judge(patterns: Iterable<string>): Promise<BlockedRegexVerdicts>;
  /** Stops the worker thread; a later `judge` starts a new one. */
  close(): Promise<void>;
}

/** The most one request may spend judging its patterns: a request is refused beyond it, not the server frozen. */
export const DEFAULT_JUDGING_BUDGET_MS = 15_000;

/** The reason given to the patterns a request's budget left unjudged. */
export function notJudgedInTime(budgetMs: number): string {
  return `Not checked for catastrophic backtracking: this change holds more new patterns than can be checked in ${Math.round(budgetMs / 1000)} s. Save it in smaller parts (checked patterns are remembered).`;
}

// recheck asks twice per pattern, each up to its timeout; an answer later than this means the
// worker is stuck, and it is replaced.
const STUCK_AFTER_MS = 2 * RECHECK_TIMEOUT_MS + 5_000;

/**
 * Starts the worker thread: its bundle next to main.js (build.mjs puts it there), or, run from the
 * TypeScript source (tests, `pnpm dev`), its source loaded through tsx, registered in the thread
 * first (Node 20 does not apply `--import` hooks to a worker's own entry module).
 */
function spawnRecheckWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./recheck-worker.js', import.meta.url));
  const source = new URL('./recheck-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export function createBlockedRegexChecker({
  budgetMs = DEFAULT_JUDGING_BUDGET_MS,
  logger,
}: {
  budgetMs?: number;
  logger?: Logger;
} = {}): BlockedRegexChecker {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (outcome: RecheckOutcome) => void; timer: NodeJS.Timeout }>();

  /** Ends the worker and answers every pending request with `outcome` (no verdict). */
  function dropWorker(outcome: RecheckOutcome): void {
    const ended = worker;
    worker = null;
    for (const { resolve, timer } of pending.values()) {
      clearTimeout(timer);
      resolve(outcome);
    }
    pending.clear();
    void ended?.terminate();
  }

  function startWorker(): Worker {
    const started = spawnRecheckWorker();
    // A worker thread waiting for patterns must not keep the process alive.
    started.unref();
    started.on('message', ({ id, outcome }: { id: number; outcome: RecheckOutcome }) => {
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.resolve(outcome);
    });
    // A worker that fails leaves its patterns without a verdict, as a timeout does (accepted only
    // if V8's linear-time engine can run them, and not remembered); the next pattern starts a new one.
    started.on('error', (error) => {
      logger?.error({ err: error }, 'The worker thread that checks blocked-value regexes failed');
      if (worker === started) dropWorker({ status: 'unknown' });
    });
    started.on('exit', () => {
      if (worker === started) dropWorker({ status: 'unknown' });
    });
    return started;
  }

  function recheckInWorker(pattern: string): Promise<RecheckOutcome> {
    worker ??= startWorker();
    const id = nextId++;
    const request: RecheckRequest = { id, pattern };
    return new Promise((resolve) => {
      const timer = setTimeout(() => dropWorker({ status: 'unknown' }), STUCK_AFTER_MS);
      timer.unref();
      pending.set(id, { resolve, timer });
      worker?.postMessage(request);
    });
  }

  /** The verdict on one pattern; the budget is checked before it starts, so a request always judges one. */
  async function verdictOf(pattern: string, deadline: number): Promise<BlockedRegexCheck> {
    const steps = blockedRegexVerdict(pattern);
    let step = steps.next();
    if (!step.done && Date.now() > deadline) return { ok: false, reason: notJudgedInTime(budgetMs) };
    while (!step.done) step = steps.next(await recheckInWorker(step.value));
    return step.value;
  }

  return {
    async judge(patterns) {
      const deadline = Date.now() + budgetMs;
      const verdicts = new Map<string, BlockedRegexCheck>();
      // One after another: the budget then stops a request at its next pattern.
      for (const pattern of patterns) {
        if (!verdicts.has(pattern)) verdicts.set(pattern, await verdictOf(pattern, deadline));
      }
      return verdicts;
    },

    async close() {
      dropWorker({ status: 'unknown' });
    },
  };
}

let shared: BlockedRegexChecker | null = null;

/**
 * The process's checker: one worker thread however many apps the process builds (tests build
 * many). The first caller's logger reports the worker's failures.
 */
export function sharedBlockedRegexChecker(logger?: Logger): BlockedRegexChecker {
  shared ??= createBlockedRegexChecker({ logger });
  return shared;
}
