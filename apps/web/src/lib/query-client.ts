import { type FetchQueryOptions, QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './errors.ts';
import { outageStoreOf } from './outage.ts';

/** Retries only what may succeed on a second try: lost connections and 5xx/429 answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429;
  return false;
}

export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
  // Listening from the start: a request may fail before the page notice first renders.
  outageStoreOf(queryClient);
  return queryClient;
}

/**
 * Every settings write raises the one settings version of the space (SPEC §9), so every
 * settings query shares this key prefix and is refetched after any write.
 */
export function settingsQueryKey(spaceId: string) {
  return ['spaces', spaceId, 'settings'] as const;
}

/**
 * The latest of one settings resource after a 412: every settings query of the space is stale by
 * then (the version moved), so all of them are refetched, and this one is read fresh.
 */
export async function loadLatestSettings<T>(
  queryClient: QueryClient,
  spaceId: string,
  options: FetchQueryOptions<T, Error, T, readonly unknown[]>,
): Promise<T> {
  await queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
  return queryClient.fetchQuery({ ...options, staleTime: 0 });
}
