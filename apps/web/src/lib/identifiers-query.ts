import { type IdentifierList, MAX_IDENTIFIERS_PER_SPACE } from '@idr/contracts';
import { queryOptions } from '@tanstack/react-query';
import { callRoute } from './api-client.ts';
import { settingsQueryKey } from './query-client.ts';

/**
 * The identifiers of a space in priority order, with the settings version they belong to. Shared:
 * several features list identifiers, and one query key must have one query function.
 */
// Reads are not aborted when their component unmounts (no `signal`): they are small, their answer
// is cached for the next mount, and an aborted request shows up as a failed one in the browser.
export function identifiersQueryOptions(spaceId: string) {
  return queryOptions<IdentifierList>({
    queryKey: [...settingsQueryKey(spaceId), 'identifiers'],
    queryFn: async () => (await callRoute('listIdentifiers', { params: { space: spaceId } })).data,
  });
}

/** Whether a space holds as many identifiers as it may: the server refuses one more. */
export function isAtIdentifierCap(list: IdentifierList | undefined): boolean {
  return (list?.identifiers.length ?? 0) >= MAX_IDENTIFIERS_PER_SPACE;
}

/** Why a space at the cap cannot take another identifier, ending with what to do instead. */
export function identifierCapReason(instead: string): string {
  return `This space holds ${MAX_IDENTIFIERS_PER_SPACE} identifiers, the most it may: ${instead}.`;
}

/**
 * Refetches the identifier list and picks one identifier from it, for a form that reloads after a
 * conflict. Throws when the read fails or the identifier was deleted meanwhile.
 */
export async function refetchIdentifier(
  refetch: () => Promise<{ data?: IdentifierList; error: Error | null }>,
  key: string,
): Promise<{ identifier: IdentifierList['identifiers'][number]; version: number }> {
  const result = await refetch();
  if (result.error) throw result.error;
  const identifier = result.data?.identifiers.find((candidate) => candidate.key === key);
  if (!result.data || !identifier) throw new Error(`The identifier ${key} no longer exists. Close this dialog.`);
  return { identifier, version: result.data.version };
}
