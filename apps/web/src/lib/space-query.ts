import type { Space } from '@idr/contracts';
import { queryOptions } from '@tanstack/react-query';
import { callRoute } from './api-client.ts';
import { settingsQueryKey } from './query-client.ts';

/** A space and the settings version it was read at (its ETag), the base of a change to it. */
export interface VersionedSpace {
  space: Space;
  version: number;
}

/** The settings version of a response's ETag (`"7"` → 7). */
export function versionOf(etag: string | null): number {
  const version = Number(etag);
  if (etag === null || !Number.isInteger(version)) throw new Error('The server sent no settings version (ETag)');
  return version;
}

/**
 * The space itself (its default country): a setting, under the settings key, so that any settings
 * write (which may be a change of country) refetches it.
 */
export function spaceQueryOptions(spaceId: string) {
  return queryOptions<VersionedSpace>({
    queryKey: [...settingsQueryKey(spaceId), 'space'],
    queryFn: async () => {
      const response = await callRoute('getSpace', { params: { space: spaceId } });
      return { space: response.data, version: versionOf(response.etag) };
    },
  });
}
