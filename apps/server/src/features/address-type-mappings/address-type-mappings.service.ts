import { type AddressTypeMappings, type AddressTypeMappingsResponse, unknownMappingIssues } from '@idr/contracts';
import { validationFailed } from '../../http/app-error.ts';
import { listIdentifiers } from '../../store/identifiers.repository.ts';
import { getMappings, replaceMappings } from '../../store/mappings.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace, type WriteContext, writeSettings } from '../settings/settings-write.ts';

/** Which identifier holds phone numbers and which holds email addresses (SPEC §4). */
export function createAddressTypeMappingsService(store: Store, now: () => Date) {
  return {
    async get(spaceId: string): Promise<AddressTypeMappingsResponse> {
      const space = requireSpace(await findSpace(store.db, spaceId), spaceId);
      return { mappings: await getMappings(store.db, spaceId), version: space.version };
    },

    async put(
      spaceId: string,
      mappings: AddressTypeMappings,
      context: WriteContext,
    ): Promise<AddressTypeMappingsResponse> {
      const { result, version } = await writeSettings(store, spaceId, context, now, async (trx) => {
        const keys = new Set((await listIdentifiers(trx, spaceId)).map((identifier) => identifier.key));
        const issues = unknownMappingIssues(mappings, keys);
        if (issues.length > 0) throw validationFailed(issues);
        const before = await getMappings(trx, spaceId);
        const after = { phone: mappings.phone, email: mappings.email };
        await replaceMappings(trx, spaceId, after);
        return { result: after, action: 'mappings.update', target: 'address-type-mappings', before, after };
      });
      return { mappings: result, version };
    },
  };
}

export type AddressTypeMappingsService = ReturnType<typeof createAddressTypeMappingsService>;
