import type { Normalization } from '@idr/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Longest identifier value after normalization (SPEC §6). */
export const MAX_IDENTIFIER_VALUE_LENGTH = 255;

/** Outcome of normalizing one raw value: a value, nothing (empty: ignored), or invalid. */
export type NormalizedValue = { kind: 'value'; value: string } | { kind: 'empty' } | { kind: 'invalid' };

const EMPTY: NormalizedValue = { kind: 'empty' };
const INVALID: NormalizedValue = { kind: 'invalid' };

// local@domain, one "@", no white space anywhere (SPEC §6); deliverability is not our business.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;
const PHONE_PREFIX = /^(?:tel|sms|whatsapp):/i;

/** Trims, lowercases and checks the `local@domain` shape. */
export function normalizeEmail(raw: string): NormalizedValue {
  const value = raw.trim().toLowerCase();
  if (value === '') return EMPTY;
  return EMAIL_SHAPE.test(value) ? { kind: 'value', value } : INVALID;
}

// Parsing a phone number costs ~10 µs; the same numbers arrive again and again, so remember them.
const PHONE_CACHE_SIZE = 10_000;
const phoneCache = new Map<string, NormalizedValue>();

function parsePhone(text: string, defaultCountry: string): NormalizedValue {
  // The `min` metadata validates by national number patterns too (see docs/decisions/002).
  const parsed = parsePhoneNumberFromString(text, defaultCountry as Parameters<typeof parsePhoneNumberFromString>[1]);
  return parsed?.isValid() ? { kind: 'value', value: parsed.number } : INVALID;
}

/** Trims, strips a `tel:`, `sms:` or `whatsapp:` prefix and formats as E.164 using the default country. */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedValue {
  const text = raw.trim().replace(PHONE_PREFIX, '').trim();
  if (text === '') return EMPTY;
  const cacheKey = `${defaultCountry}\u0000${text}`;
  let result = phoneCache.get(cacheKey);
  if (result === undefined) {
    result = parsePhone(text, defaultCountry);
    if (phoneCache.size >= PHONE_CACHE_SIZE) phoneCache.clear();
    phoneCache.set(cacheKey, result);
  }
  return result;
}

/**
 * Normalizes a raw value with an identifier's normalization (SPEC §6), including the 255-character
 * bound and the empty rule. Idempotent: normalizing a normalized value returns it unchanged.
 */
export function normalizeIdentifierValue(
  normalization: Normalization,
  raw: string,
  defaultCountry: string,
): NormalizedValue {
  let result: NormalizedValue;
  switch (normalization) {
    case 'email':
      result = normalizeEmail(raw);
      break;
    case 'phone':
      result = normalizePhone(raw, defaultCountry);
      break;
    case 'trim': {
      const value = raw.trim();
      result = value === '' ? EMPTY : { kind: 'value', value };
      break;
    }
    case 'none':
      result = raw === '' ? EMPTY : { kind: 'value', value: raw };
      break;
  }
  if (result.kind === 'value' && result.value.length > MAX_IDENTIFIER_VALUE_LENGTH) return INVALID;
  return result;
}

/** How an invalid raw value is reported in `droppedIdentifiers`: trimmed, cut to 255 characters (SPEC §6). */
export function describeRawValue(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return text.trim().slice(0, MAX_IDENTIFIER_VALUE_LENGTH);
}
