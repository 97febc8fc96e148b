import { type QueryClient, type QueryState, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { staleQueryState } from './stale-data.ts';

/** The page's failed queries, as the page notice needs them. */
export interface FailedQueries {
  /** The first query whose refresh failed on data already shown (see `staleQueryState`). */
  stale: QueryState | undefined;
  /** Whether a failed query is being fetched again (by the notice's button, its timer, or a retry). */
  retrying: boolean;
  /** Fetches the failed queries again. */
  retry: () => Promise<unknown>;
}

/** Follows the query cache for failed queries, and tries them again on demand. */
export function useFailedQueries(): FailedQueries {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  // Query states are replaced on every change, so these snapshots are stable until something changes.
  const stale = useSyncExternalStore(subscribe, () => staleQueryState(cache.getAll().map((query) => query.state)));
  const retrying = useSyncExternalStore(subscribe, () =>
    cache.getAll().some((query) => query.state.status === 'error' && query.state.fetchStatus === 'fetching'),
  );
  const retry = useCallback(() => retryFailedQueries(queryClient), [queryClient]);
  return { stale, retrying, retry };
}

/**
 * Tries the failed queries again. The one that raised an outage may be gone from the cache by then
 * (its part of the page was left): the queries on screen are asked again instead, or nothing would
 * ever learn that the server is back.
 */
function retryFailedQueries(queryClient: QueryClient): Promise<unknown> {
  const failed = (query: { state: { status: string } }) => query.state.status === 'error';
  if (queryClient.getQueryCache().findAll({ predicate: failed }).length > 0) {
    return queryClient.refetchQueries({ predicate: failed });
  }
  return queryClient.refetchQueries({ type: 'active' });
}
