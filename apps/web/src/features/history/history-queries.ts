import type { AuditPage } from '@idr/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';

export const HISTORY_PAGE_SIZE = 20;

/**
 * The space's settings changes, newest first, a page at a time. Under the settings key: every
 * settings write adds an entry, and refetches this with the rest.
 */
export function historyQueryOptions(spaceId: string) {
  return infiniteQueryOptions<AuditPage, Error, AuditPage[], readonly unknown[], string | null>({
    queryKey: [...settingsQueryKey(spaceId), 'audit'],
    initialPageParam: null,
    queryFn: async ({ pageParam }) =>
      (
        await callRoute('listAudit', {
          params: { space: spaceId },
          query: { limit: HISTORY_PAGE_SIZE, cursor: pageParam ?? undefined },
        })
      ).data,
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages,
  });
}
