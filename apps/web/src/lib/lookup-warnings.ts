import {
  type AddressType,
  EXPECTED_NORMALIZATION,
  type Identifier,
  type Normalization,
  normalizationFits,
} from '@idr/contracts';
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
 * An address type mapped to an identifier whose normalization is not the one the address type
 * needs (SPEC §4): allowed, but the address is then not normalized the way the values on
 * profiles were, so lookups will not match them.
 */
export interface NormalizationMismatch {
  addressType: AddressType;
  identifier: Pick<Identifier, 'key' | 'displayName' | 'normalization'>;
  /** The normalization the address type needs: `phone` for phone numbers, `email` for email addresses. */
  expected: Normalization;
}

/** The SPEC §4 mismatch of an address type and its mapped identifier, or `null` when they fit (or nothing is mapped). */
export function normalizationMismatch(
  addressType: AddressType,
  identifier: Pick<Identifier, 'key' | 'displayName' | 'normalization'> | undefined,
): NormalizationMismatch | null {
  if (!identifier) return null;
  const expected = EXPECTED_NORMALIZATION[addressType];
  return normalizationFits(addressType, identifier.normalization) ? null : { addressType, identifier, expected };
}

/**
 * The SPEC §4 warning: mapping an address type to an identifier whose normalization differs from
 * the one that address type needs is allowed, but lookups would not match the stored values.
 */
export function normalizationWarning(
  addressType: AddressType,
  identifier: Pick<Identifier, 'key' | 'displayName' | 'normalization'> | undefined,
): string | null {
  const mismatch = normalizationMismatch(addressType, identifier);
  if (!mismatch) return null;
  return `Lookups will not match: ${identifierName(mismatch.identifier)} uses “${mismatch.identifier.normalization}” normalization, but ${ADDRESS_TYPE_NOUN[addressType]} lookups search for ${LOOKUP_SEARCHES_FOR[addressType]}. Choose an identifier with “${mismatch.expected}” normalization.`;
}

/**
 * The same warning from the other side, while the rules of a mapped identifier are edited: a
 * normalization chosen there that does not suit its address type breaks that type's lookups. The
 * advice follows the saved rules: keep the normalization that suits, or choose it when the saved
 * one does not suit either.
 */
export function mappedNormalizationWarning(
  addressType: AddressType,
  identifier: Pick<Identifier, 'key' | 'displayName' | 'normalization'>,
  normalization: Identifier['normalization'],
): string | null {
  if (normalizationFits(addressType, normalization)) return null;
  const expected = EXPECTED_NORMALIZATION[addressType];
  const advice = normalizationFits(addressType, identifier.normalization)
    ? `Keep “${expected}” normalization, or map another identifier first.`
    : `Choose “${expected}” normalization, or map another identifier to ${ADDRESS_TYPE_LABEL[addressType]}.`;
  return `Lookups will not match: ${identifierName(identifier)} is mapped to ${ADDRESS_TYPE_LABEL[addressType]}, and ${ADDRESS_TYPE_NOUN[addressType]} lookups search for ${LOOKUP_SEARCHES_FOR[addressType]}. With “${normalization}” normalization its values are not stored that way. ${advice}`;
}
