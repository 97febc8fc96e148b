import type { AddressTypeMappings, AddressTypeMappingsResponse } from '@idr/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { addressTypeMappingsQueryOptions } from '../../lib/mappings-query.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';

/** Saves both mappings with `If-Match`, then refetches every settings query. */
export function useSaveAddressTypeMappings(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<AddressTypeMappingsResponse, Error, { mappings: AddressTypeMappings; version: number }>({
    mutationFn: async ({ mappings, version }) =>
      (await callRoute('putAddressTypeMappings', { params: { space: spaceId }, body: mappings, ifMatch: version }))
        .data,
    onSuccess: (response) => {
      queryClient.setQueryData(addressTypeMappingsQueryOptions(spaceId).queryKey, response);
      return queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
    },
  });
}
