import {
  type AddressType,
  type Identifier,
  LIMIT_WINDOW_DAYS,
  type LimitWindow,
  type Normalization,
} from '@idr/contracts';

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

/** A limit in a table cell, one pattern for every window: "1 (ever)", "5 per day", "5 per 7 days". */
export function shortLimit(count: number, window: LimitWindow): string {
  const days = LIMIT_WINDOW_DAYS[window];
  if (days === null) return `${count} (ever)`;
  return `${count} per ${days === 1 ? 'day' : `${days} days`}`;
}

/** How the console names each normalization (SPEC §6). */
export const NORMALIZATION_LABEL: Record<Normalization, string> = {
  email: 'Email',
  phone: 'Phone number',
  trim: 'Trim',
  none: 'None',
};
