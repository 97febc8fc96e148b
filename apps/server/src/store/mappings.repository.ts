import type { AddressType, AddressTypeMappingsResponse } from '@idr/contracts';
import type { Executor } from './store.ts';

type Mappings = AddressTypeMappingsResponse['mappings'];

/** The address-type mapping of a space; an address type without a row maps to null. */
export async function getMappings(db: Executor, spaceId: string): Promise<Mappings> {
  const rows = await db
    .selectFrom('address_type_mappings')
    .select(['address_type', 'identifier_key'])
    .where('space_id', '=', spaceId)
    .execute();
  const mappings: Mappings = { phone: null, email: null };
  for (const row of rows) mappings[row.address_type as AddressType] = row.identifier_key;
  return mappings;
}

/** Replaces the whole mapping of a space. */
export async function replaceMappings(db: Executor, spaceId: string, mappings: Mappings): Promise<void> {
  await db.deleteFrom('address_type_mappings').where('space_id', '=', spaceId).execute();
  const rows = Object.entries(mappings)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([addressType, key]) => ({ space_id: spaceId, address_type: addressType, identifier_key: key }));
  if (rows.length > 0) await db.insertInto('address_type_mappings').values(rows).execute();
}
