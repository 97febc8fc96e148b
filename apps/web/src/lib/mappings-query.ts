import type { AddressTypeMappingsResponse } from '@idr/contracts';
import { queryOptions } from '@tanstack/react-query';
import { callRoute } from './api-client.ts';
import { settingsQueryKey } from './query-client.ts';

/**
 * Which identifier holds phone numbers and which holds email addresses, with the settings version.
 * Shared: the mapping form edits it, and deleting an identifier or a lookup must know it.
 */
export function addressTypeMappingsQueryOptions(spaceId: string) {
  return queryOptions<AddressTypeMappingsResponse>({
    queryKey: [...settingsQueryKey(spaceId), 'address-type-mappings'],
    queryFn: async () => (await callRoute('getAddressTypeMappings', { params: { space: spaceId } })).data,
  });
}
