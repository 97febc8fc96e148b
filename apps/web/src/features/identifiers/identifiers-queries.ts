import type { Identifier } from '@idr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';

interface UpdateDisplayNameVariables {
  key: string;
  /** `null` resets the display name to the key. */
  displayName: string | null;
  /** Settings version the edit started from; a stale one answers 412. */
  version: number;
}

/** Saves one identifier's display name with `If-Match`, then refetches every settings query. */
export function useUpdateDisplayName(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<Identifier, Error, UpdateDisplayNameVariables>({
    mutationFn: async ({ key, displayName, version }) =>
      (
        await callRoute('updateIdentifier', {
          params: { space: spaceId, key },
          body: { displayName },
          ifMatch: version,
        })
      ).data,
    // Every settings write raises the space's one version: refetch all settings queries so the next
    // save (here or in another section) starts from the new version.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) }),
  });
}
