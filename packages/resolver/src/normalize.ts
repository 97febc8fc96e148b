import { cutToCharacters, exceedsCharacters, type Normalization } from '@idr/contracts';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { TwoGenerationCache } from './two-generation-cache.ts';

/** Longest identifier value after normalization (SPEC §6), in characters (code points). */
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

// Parsing a phone number costs ~4 µs; the same numbers arrive again and again, so remember them:
// per default country, the raw text as received → its E.164 form, `''` (empty) or `null` (invalid).
const PHONE_CACHE_GENERATION = 10_000;
let phoneCache = new TwoGenerationCache<string | null>(PHONE_CACHE_GENERATION);
/** Texts parsed by the phone library (memo misses) since the memo was last emptied. */
let phoneParses = 0;

/**
 * Forgets every remembered phone number. For benchmarks, so that each replay of a stream parses
 * each distinct number at least once, as a single pass over fresh traffic would.
 */
export function forgetPhoneNumbers(): void {
  phoneCache = new TwoGenerationCache<string | null>(PHONE_CACHE_GENERATION);
  phoneParses = 0;
}

/** How many texts the phone library has parsed since `forgetPhoneNumbers` (or the start). */
export function phoneParseCount(): number {
  return phoneParses;
}

// Options objects by default country: passing an object rather than the country code spares the
// library a copy of its arguments on every parse. `extract: false`: the text must be a phone number
// as a whole (punctuation and an extension allowed); by default the library finds a number inside
// any text, so "abc4155550100xyz" or "Call +1 415 555 0100 now" would become an identifier value.
const parseOptions = new Map<string, { defaultCountry: CountryCode; extract: false }>();

function parsePhone(text: string, defaultCountry: string): string | null {
  let options = parseOptions.get(defaultCountry);
  if (options === undefined) {
    options = { defaultCountry: defaultCountry as CountryCode, extract: false };
    parseOptions.set(defaultCountry, options);
  }
  // The full (`max`) metadata: `isValid()` checks the number against the country's national
  // number patterns; with the `min` metadata it checks little more than the length (decision 002).
  const parsed = parsePhoneNumberFromString(text, options);
  return parsed?.isValid() ? parsed.number : null;
}

/** The number in a phone value: trimmed, without a `tel:`, `sms:` or `whatsapp:` prefix (SPEC §6). */
export function phoneNumberText(raw: string): string {
  return raw.trim().replace(PHONE_PREFIX, '').trim();
}

/** `normalizePhone` as a string (E.164), `''` when empty, `null` when invalid. */
function phoneText(raw: string, defaultCountry: string): string | null {
  let result = phoneCache.get(defaultCountry, raw);
  if (result === undefined) {
    const text = phoneNumberText(raw);
    if (text === '') result = '';
    else {
      phoneParses++;
      result = parsePhone(text, defaultCountry);
    }
    phoneCache.set(defaultCountry, raw, result);
  }
  return result;
}

function toNormalizedValue(text: string | null): NormalizedValue {
  return text === null ? INVALID : text === '' ? EMPTY : { kind: 'value', value: text };
}

/** Trims, strips a `tel:`, `sms:` or `whatsapp:` prefix and formats as E.164 using the default country. */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedValue {
  return toNormalizedValue(phoneText(raw, defaultCountry));
}

/**
 * The hot-path form of `normalizeIdentifierValue`: the normalized value as a string, `''` when it
 * is empty (a value is never empty otherwise) and `null` when it is invalid. No allocation beyond
 * the normalized string itself.
 */
export function normalizeText(normalization: Normalization, raw: string, defaultCountry: string): string | null {
  let value: string | null;
  switch (normalization) {
    case 'email':
      value = raw.trim().toLowerCase();
      if (value !== '' && !EMAIL_SHAPE.test(value)) return null;
      break;
    case 'phone':
      value = phoneText(raw, defaultCountry);
      break;
    case 'trim':
      value = raw.trim();
      break;
    case 'none':
      value = raw;
      break;
  }
  return value !== null && exceedsCharacters(value, MAX_IDENTIFIER_VALUE_LENGTH) ? null : value;
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
  return toNormalizedValue(normalizeText(normalization, raw, defaultCountry));
}

/** How an invalid raw value is reported in `droppedIdentifiers`: trimmed, cut to 255 characters (SPEC §6). */
export function describeRawValue(raw: unknown): string {
  // Numbers as written (JSON.stringify would turn a non-finite one, e.g. 1e400, into "null").
  const text =
    typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : (JSON.stringify(raw) ?? String(raw));
  return cutToCharacters(text.trim(), MAX_IDENTIFIER_VALUE_LENGTH);
}
