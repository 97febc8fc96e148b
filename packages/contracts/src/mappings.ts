import { z } from 'zod';
import { VersionSchema } from './common.ts';
import { IdentifierKeySchema } from './identifiers.ts';

export const ADDRESS_TYPES = ['phone', 'email'] as const;
/** Kind of address an incoming contact arrives on. */
export const AddressTypeSchema = z.enum(ADDRESS_TYPES);
export type AddressType = z.infer<typeof AddressTypeSchema>;

/** Which identifier holds each address type (or none). */
export const AddressTypeMappingsSchema = z
  .strictObject({
    phone: IdentifierKeySchema.nullable(),
    email: IdentifierKeySchema.nullable(),
  })
  .refine((m) => m.phone === null || m.phone !== m.email, {
    message: 'One identifier can be mapped to only one address type',
    path: ['email'],
  });
export type AddressTypeMappings = z.infer<typeof AddressTypeMappingsSchema>;

/** `GET`/`PUT …/address-type-mappings` response. */
export const AddressTypeMappingsResponseSchema = z.object({
  mappings: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
  version: VersionSchema,
});
export type AddressTypeMappingsResponse = z.infer<typeof AddressTypeMappingsResponseSchema>;

/** The normalization an address type needs for its lookups to match stored values. */
export const EXPECTED_NORMALIZATION: Record<AddressType, 'phone' | 'email'> = {
  phone: 'phone',
  email: 'email',
};

/**
 * SPEC §4: whether an identifier with this normalization suits an address type. Mapping one that
 * does not is allowed, but lookups then search for values in a form the identifier never stores.
 */
export function normalizationFits(addressType: AddressType, normalization: string): boolean {
  return normalization === EXPECTED_NORMALIZATION[addressType];
}

/** The address type an identifier is mapped to, if any (SPEC §4: at most one). */
export function mappedAddressType(
  mappings: { phone: string | null; email: string | null } | undefined,
  key: string,
): AddressType | null {
  return ADDRESS_TYPES.find((type) => mappings?.[type] === key) ?? null;
}
