import type { AddressTypeMappingsResponse } from '@idr/contracts';
import type { ResolverSettings } from '@idr/resolver';
import { listIdentifiers } from '../../store/identifiers.repository.ts';
import { getMappings } from '../../store/mappings.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Executor } from '../../store/store.ts';
import { requireSpace } from '../settings/settings-write.ts';

/** What resolution and lookups read of a space's settings, as of the start of a request. */
export interface ResolverContext {
  settings: ResolverSettings;
  mappings: AddressTypeMappingsResponse['mappings'];
  version: number;
}

/**
 * Loads the settings a request resolves under (SPEC §2: changes apply to events received after
 * them). Settings change rarely and events arrive often, so each loader keeps the last settings per
 * space and re-reads them only when the space's settings version moved (one small read per request).
 */
export function createResolverContextLoader() {
  const cache = new Map<string, ResolverContext>();
  return async function loadResolverContext(db: Executor, spaceId: string): Promise<ResolverContext> {
    const space = requireSpace(await findSpace(db, spaceId), spaceId);
    const cached = cache.get(spaceId);
    if (cached && cached.version === space.version) return cached;
    const context: ResolverContext = {
      settings: { defaultCountry: space.defaultCountry, identifiers: await listIdentifiers(db, spaceId) },
      mappings: await getMappings(db, spaceId),
      version: space.version,
    };
    cache.set(spaceId, context);
    return context;
  };
}

export type ResolverContextLoader = ReturnType<typeof createResolverContextLoader>;
