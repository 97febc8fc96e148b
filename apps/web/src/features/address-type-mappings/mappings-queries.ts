import type { AddressTypeMappings, AddressTypeMappingsResponse } from '@idr/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';

/** Which identifier holds phone numbers and which holds email addresses, with the settings version. */
export function addressTypeMappingsQueryOptions(spaceId: string) {
  return queryOptions<AddressTypeMappingsResponse>({
    queryKey: [...settingsQueryKey(spaceId), 'address-type-mappings'],
    queryFn: async () => (await callRoute('getAddressTypeMappings', { params: { space: spaceId } })).data,
  });
}

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
