import type { AddressType, Identifier } from '@idr/contracts';

/** How the console names each address type. */
export const ADDRESS_TYPE_LABEL: Record<AddressType, string> = {
  phone: 'Phone number',
  email: 'Email address',
};

/**
 * Option label of an identifier: "key — Display name", or just the key when they are the same.
 * The key comes first: it tells options apart when a long display name is cut off.
 */
export function identifierOptionLabel(identifier: Pick<Identifier, 'key' | 'displayName'>): string {
  return identifier.displayName === identifier.key ? identifier.key : `${identifier.key} — ${identifier.displayName}`;
}
