// The worker thread of blocked-regex-checker.ts: runs recheck on the patterns the main thread sends,
// one at a time, so that a pattern that takes recheck seconds stalls no request but its own.
import { parentPort } from 'node:worker_threads';
import { recheckPattern } from '@idr/resolver';

/** One pattern to judge, and the number its answer carries back. */
export interface RecheckRequest {
  id: number;
  pattern: string;
}

parentPort?.on('message', ({ id, pattern }: RecheckRequest) => {
  parentPort?.postMessage({ id, outcome: recheckPattern(pattern) });
});
