import type { SettingsDocument, SettingsImport } from '@idr/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';

/**
 * A space's whole settings document (`GET …/settings`), with the version it was read at. Export and
 * the import summary read it fresh (`staleTime: 0`): a file must hold, and a summary must compare
 * with, the settings as they are now.
 */
export function settingsDocumentQueryOptions(spaceId: string) {
  return queryOptions<SettingsDocument>({
    queryKey: [...settingsQueryKey(spaceId), 'document'],
    queryFn: async () => (await callRoute('getSettings', { params: { space: spaceId } })).data,
    staleTime: 0,
  });
}

/** Replaces the space's settings with a document, if they are still at `version` (`If-Match`). */
export function useImportSettings(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<SettingsDocument, Error, { document: SettingsImport; version: number }>({
    mutationFn: async ({ document, version }) =>
      (await callRoute('putSettings', { params: { space: spaceId }, body: document, ifMatch: version })).data,
    // Identifiers, mappings, the default country and the history all changed: refetch every settings query.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) }),
  });
}
