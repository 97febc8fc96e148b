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

/** Each address type as a noun in a sentence ("phone number lookups"). */
export const ADDRESS_TYPE_NOUN: Record<AddressType, string> = { phone: 'phone number', email: 'email address' };

/**
 * The plural of each address-type label, spelled out: "address" takes "-es", so adding an "s" to
 * the label gives "Email addresss".
 */
export const ADDRESS_TYPE_PLURAL_LABEL: Record<AddressType, string> = {
  phone: 'Phone numbers',
  email: 'Email addresses',
};

/** The plural of an address type inside a sentence: "phone numbers", "email addresses". */
export function addressTypePlural(addressType: AddressType): string {
  return ADDRESS_TYPE_PLURAL_LABEL[addressType].toLowerCase();
}

/**
 * Option label of an identifier: "key — Display name", or just the key when they are the same.
 * The key comes first: it tells options apart when a long display name is cut off.
 */
export function identifierOptionLabel(identifier: Pick<Identifier, 'key' | 'displayName'>): string {
  return identifier.displayName === identifier.key ? identifier.key : `${identifier.key} — ${identifier.displayName}`;
}

/**
 * A limit in a table cell or a change, one pattern for every window, the count then its window:
 * "1 ever", "5 per day", "5 per 7 days" (a column that mixed "1 (ever)" with "5 per 7 days" read
 * as two kinds of value).
 */
export function shortLimit(count: number, window: LimitWindow): string {
  const days = LIMIT_WINDOW_DAYS[window];
  if (days === null) return `${count} ever`;
  return `${count} per ${days === 1 ? 'day' : `${days} days`}`;
}

/** How the console names each normalization (SPEC §6). */
export const NORMALIZATION_LABEL: Record<Normalization, string> = {
  email: 'Email',
  phone: 'Phone number',
  trim: 'Trim',
  none: 'None',
};

/**
 * The whole of a short list, counted as a sentence starts it: "The only change", "Both changes",
 * "All 21 changes" ("All 2 changes" reads as a machine's count).
 */
export function wholeListCount(count: number, noun: string, plural = `${noun}s`): string {
  if (count === 1) return `The only ${noun}`;
  if (count === 2) return `Both ${plural}`;
  return `All ${count} ${plural}`;
}
