// Whether the whole server, or its database, is out: said once above the page rather than by every
// section's own error box. Learnt from what the requests themselves answer (react-query's caches),
// not from a health endpoint polled on the side: the console already retries its failed requests,
// and their answers are what the admin is waiting for.
import {
  type MutationCacheNotifyEvent,
  type QueryCacheNotifyEvent,
  type QueryClient,
  useQueryClient,
} from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, NetworkError } from './errors.ts';

/** `database`: the server answers, but not its database. `server`: the server itself does not answer. */
export type Outage = 'database' | 'server';

/** What one finished request says about the server: it answered, or it failed with this error. */
export type RequestOutcome = { ok: true } | { ok: false; error: unknown };

/** The outage an error is a sign of, or `null` for an error that says nothing of one (a 404, a 412…). */
export function outageOf(error: unknown): Outage | null {
  if (error instanceof NetworkError) return 'server';
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'database_unavailable') return 'database';
  // No problem+json on a gateway status: a proxy in front of the server answered for it (nginx's
  // 502 page while the process is down), so it is the server that is out.
  if (error.code === 'unknown' && (error.status === 502 || error.status === 503 || error.status === 504)) {
    return 'server';
  }
  return null;
}

/**
 * The outage after one more request finished. A failure that is a sign of an outage shows it (the
 * latest kind wins: a server back up without its database turns `server` into `database`); any
 * success ends it, since an answer with data means both the server and its database answered.
 * Other failures (a validation error, a conflict) change nothing: they prove neither.
 */
export function nextOutage(current: Outage | null, outcome: RequestOutcome): Outage | null {
  if (outcome.ok) return null;
  return outageOf(outcome.error) ?? current;
}

/**
 * What a cache event says about the server, or `null` for the events that say nothing (a fetch
 * starting, a retry pending, an observer added). Only settled requests count: a query gives up
 * after its retries, so a blip that a retry hides shows nothing. A save is not retried, and its
 * form already says why it failed, next to the button just pressed: its failure alone does not
 * raise the page notice, while its success, an answer like any other, ends it. Data written by
 * the console itself (`setQueryData`, marked `manual`) is no answer from the server.
 */
export function outcomeOf(event: QueryCacheNotifyEvent | MutationCacheNotifyEvent): RequestOutcome | null {
  if (event.type !== 'updated') return null;
  const { action } = event;
  if (action.type === 'success') return 'manual' in action && action.manual ? null : { ok: true };
  if (action.type === 'error' && 'query' in event) return { ok: false, error: action.error };
  return null;
}

/** The current outage of one query client, as an external store for `useSyncExternalStore`. */
export interface OutageStore {
  get(): Outage | null;
  subscribe(onChange: () => void): () => void;
}

const stores = new WeakMap<QueryClient, OutageStore>();

/**
 * The outage store of a query client, created (and listening to both of its caches) on first use.
 * `createQueryClient` asks for it at once, so that no failure before the first render is missed.
 */
export function outageStoreOf(queryClient: QueryClient): OutageStore {
  const existing = stores.get(queryClient);
  if (existing) return existing;
  let outage: Outage | null = null;
  const listeners = new Set<() => void>();
  const record = (event: QueryCacheNotifyEvent | MutationCacheNotifyEvent) => {
    const outcome = outcomeOf(event);
    if (outcome === null) return;
    const next = nextOutage(outage, outcome);
    if (next === outage) return;
    outage = next;
    for (const listener of listeners) listener();
  };
  // Kept for the client's lifetime (it is the app's one client): the store goes when the client does.
  queryClient.getQueryCache().subscribe(record);
  queryClient.getMutationCache().subscribe(record);
  const store: OutageStore = {
    get: () => outage,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  stores.set(queryClient, store);
  return store;
}

/** The outage the page notice shows now, or `null`. */
export function useOutage(): Outage | null {
  const store = outageStoreOf(useQueryClient());
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * Whether a part of the page that failed with `error` waits for the outage the page notice shows:
 * it then says so in a line instead of repeating the notice, and loads again with the notice's
 * retries.
 */
export function useWaitsForOutage(error: unknown): boolean {
  return useOutage() !== null && outageOf(error) !== null;
}
