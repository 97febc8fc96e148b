import { type AddressType, EXPECTED_NORMALIZATION, type Identifier, normalizationFits } from '@idr/contracts';
import { ADDRESS_TYPE_LABEL, ADDRESS_TYPE_NOUN } from './labels.ts';

// The SPEC §4 warnings about a normalization that does not suit an address type, worded for the
// mapping form (which identifier to map) and for the rules dialog (which normalization to keep).

/** What a lookup of each address type searches for, once the address is normalized. */
const LOOKUP_SEARCHES_FOR: Record<AddressType, string> = {
  phone: 'E.164 numbers such as +14155550100',
  email: 'trimmed, lowercase email addresses',
};

/** An identifier named in a sentence: "Display name (key)", or just the key when they are the same. */
function identifierName(identifier: Pick<Identifier, 'key' | 'displayName'>): string {
  return identifier.displayName === identifier.key ? identifier.key : `${identifier.displayName} (${identifier.key})`;
}

/**
 * The SPEC §4 warning: mapping an address type to an identifier whose normalization differs from
 * the one that address type needs is allowed, but lookups would not match the stored values.
 */
export function normalizationWarning(
  addressType: AddressType,
  identifier: Pick<Identifier, 'key' | 'displayName' | 'normalization'> | undefined,
): string | null {
  if (!identifier) return null;
  const expected = EXPECTED_NORMALIZATION[addressType];
  if (normalizationFits(addressType, identifier.normalization)) return null;
  const name = identifierName(identifier);
  return `Lookups will not match: ${name} uses “${identifier.normalization}” normalization, but ${ADDRESS_TYPE_NOUN[addressType]} lookups search for ${LOOKUP_SEARCHES_FOR[addressType]}. Choose an identifier with “${expected}” normalization.`;
}

/**
 * The same warning from the other side, while the rules of a mapped identifier are edited: a
 * normalization chosen there that does not suit its address type breaks that type's lookups.
 */
export function mappedNormalizationWarning(
  addressType: AddressType,
  identifier: Pick<Identifier, 'key' | 'displayName'>,
  normalization: Identifier['normalization'],
): string | null {
  if (normalizationFits(addressType, normalization)) return null;
  const expected = EXPECTED_NORMALIZATION[addressType];
  return `Lookups will not match: ${identifierName(identifier)} is mapped to ${ADDRESS_TYPE_LABEL[addressType]}, and ${ADDRESS_TYPE_NOUN[addressType]} lookups search for ${LOOKUP_SEARCHES_FOR[addressType]}. With “${normalization}” normalization its values are not stored that way. Keep “${expected}” normalization, or map another identifier first.`;
}
