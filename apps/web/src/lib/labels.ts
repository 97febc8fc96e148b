import type { AddressType } from '@idr/contracts';

/** How the console names each address type. */
export const ADDRESS_TYPE_LABEL: Record<AddressType, string> = {
  phone: 'Phone number',
  email: 'Email address',
};
