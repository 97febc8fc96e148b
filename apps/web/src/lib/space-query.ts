import type { Space } from '@idr/contracts';
import { queryOptions } from '@tanstack/react-query';
import { callRoute } from './api-client.ts';
import { settingsQueryKey } from './query-client.ts';

/**
 * The space itself (its default country): a setting, under the settings key, so that any settings
 * write (which may be a change of country) refetches it.
 */
export function spaceQueryOptions(spaceId: string) {
  return queryOptions<Space>({
    queryKey: [...settingsQueryKey(spaceId), 'space'],
    queryFn: async () => (await callRoute('getSpace', { params: { space: spaceId } })).data,
  });
}
