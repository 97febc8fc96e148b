import type { SpaceList } from '@idr/contracts';
import { queryOptions } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';

/**
 * Every space, for the space switcher. Its own root key: under `['spaces', …]` a space named
 * `list` would share a prefix with the list and be refetched with it.
 */
export function spacesQueryOptions() {
  return queryOptions<SpaceList>({
    queryKey: ['space-list'],
    queryFn: async () => (await callRoute('listSpaces')).data,
  });
}
