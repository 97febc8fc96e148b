import type {
  CreateIdentifierInput,
  Identifier,
  IdentifierList,
  UnrecognizedIdentifierTypeList,
  UpdateIdentifierInput,
} from '@idr/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';
import { identifiersQueryOptions } from '../../lib/identifiers-query.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { spaceQueryOptions, type VersionedSpace, versionOf } from '../../lib/space-query.ts';

/**
 * External-id types seen in events that match no identifier (SPEC §5.2). Not a setting, but the
 * answer changes with every identifier added, so it lives under the settings key and is refetched
 * after any settings write.
 */
export function unrecognizedTypesQueryOptions(spaceId: string) {
  return queryOptions<UnrecognizedIdentifierTypeList>({
    queryKey: [...settingsQueryKey(spaceId), 'unrecognized-identifier-types'],
    queryFn: async () => (await callRoute('listUnrecognizedIdentifierTypes', { params: { space: spaceId } })).data,
  });
}

/** Every settings write raises the space's one version: refetch all settings queries afterwards. */
function useInvalidateSettings(spaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
}

/** Saves the priority order (every key, highest first) with `If-Match`. */
export function useReorderIdentifiers(spaceId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateSettings(spaceId);
  return useMutation<IdentifierList, Error, { keys: string[]; version: number }>({
    mutationFn: async ({ keys, version }) =>
      (await callRoute('reorderIdentifiers', { params: { space: spaceId }, body: { keys }, ifMatch: version })).data,
    onSuccess: (list) => {
      queryClient.setQueryData(identifiersQueryOptions(spaceId).queryKey, list);
      return invalidate();
    },
  });
}

/** Saves one identifier's resolution rules (limit, normalization, blocked values, source keys). */
export function useUpdateIdentifierRules(spaceId: string) {
  const invalidate = useInvalidateSettings(spaceId);
  return useMutation<Identifier, Error, { key: string; rules: UpdateIdentifierInput; version: number }>({
    mutationFn: async ({ key, rules, version }) =>
      (await callRoute('updateIdentifier', { params: { space: spaceId, key }, body: rules, ifMatch: version })).data,
    onSuccess: () => invalidate(),
  });
}

/** Adds an identifier; `version` makes it conditional when the form knows which listing it started from. */
export function useCreateIdentifier(spaceId: string) {
  const invalidate = useInvalidateSettings(spaceId);
  return useMutation<Identifier, Error, { input: CreateIdentifierInput; version?: number }>({
    mutationFn: async ({ input, version }) =>
      (await callRoute('createIdentifier', { params: { space: spaceId }, body: input, ifMatch: version })).data,
    onSuccess: () => invalidate(),
  });
}

/** Deletes an identifier with `If-Match`; a mapped one answers 409 `identifier_mapped`. */
export function useDeleteIdentifier(spaceId: string) {
  const invalidate = useInvalidateSettings(spaceId);
  return useMutation<null, Error, { key: string; version: number }>({
    mutationFn: async ({ key, version }) =>
      (await callRoute('deleteIdentifier', { params: { space: spaceId, key }, ifMatch: version })).data,
    onSuccess: () => invalidate(),
  });
}

/** Changes the space's default country with `If-Match` (a settings write, SPEC §9). */
export function useUpdateDefaultCountry(spaceId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateSettings(spaceId);
  return useMutation<VersionedSpace, Error, { defaultCountry: string; version: number }>({
    mutationFn: async ({ defaultCountry, version }) => {
      const response = await callRoute('updateSpace', {
        params: { space: spaceId },
        body: { defaultCountry },
        ifMatch: version,
      });
      return { space: response.data, version: versionOf(response.etag) };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(spaceQueryOptions(spaceId).queryKey, saved);
      return invalidate();
    },
  });
}
