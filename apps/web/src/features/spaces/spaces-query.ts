import type { CreateSpaceInput, Space, SpaceList } from '@idr/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { spaceQueryOptions, type VersionedSpace, versionOf } from '../../lib/space-query.ts';

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

/**
 * Renames a space (`PATCH /spaces/:space` with `If-Match`: a settings write, SPEC §9), then
 * refetches the list the switcher shows, and the space's settings queries, whose version it raised.
 */
export function useRenameSpace(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<VersionedSpace, Error, { name: string; version: number }>({
    mutationFn: async ({ name, version }) => {
      const response = await callRoute('updateSpace', { params: { space: spaceId }, body: { name }, ifMatch: version });
      return { space: response.data, version: versionOf(response.etag) };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(spaceQueryOptions(spaceId).queryKey, saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: spacesQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) }),
      ]);
    },
  });
}
