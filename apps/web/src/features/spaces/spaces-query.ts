import type { CreateSpaceInput, Space, SpaceList } from '@idr/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
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

/**
 * Creates a space from a preset or as a copy (`POST /spaces`), then refetches the list, and anything
 * cached under the new id: a page may have asked for it before it existed (and got 404).
 */
export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation<Space, Error, CreateSpaceInput>({
    mutationFn: async (input) => (await callRoute('createSpace', { body: input })).data,
    onSuccess: (space) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: spacesQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: ['spaces', space.id] }),
      ]),
  });
}
