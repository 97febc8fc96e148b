import { type CountryCode, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import { phoneNumberText } from './normalize.ts';

/** Why a phone value is not a number the phone library can read, as far as it can tell. */
export type PhoneProblem =
  /** No digits to read, or letters among them. */
  | 'not_a_number'
  /** Written with + and a country code that no country has. */
  | 'unknown_country_code'
  | 'too_short'
  | 'too_long'
  /** A possible length, but no number of that country has this form. */
  | 'not_valid';

/**
 * Why `raw` is refused as a phone number with `defaultCountry` (call it only for a value that
 * `normalizePhone` found invalid), and whether it was written in international form (with +), in
 * which case its own country code, not the default country, decided. Off the hot path: lookups
 * explain a refused address with it; events only report the value as invalid.
 */
export function phoneNumberProblem(
  raw: string,
  defaultCountry: string,
): { problem: PhoneProblem; international: boolean } {
  const text = phoneNumberText(raw);
  const international = text.startsWith('+');
  const country = defaultCountry as CountryCode;
  // The library calls a long text without any digit "too long"; it is no number at all.
  if (!/\d/.test(text)) return { problem: 'not_a_number', international };
  switch (validatePhoneNumberLength(text, country)) {
    case 'NOT_A_NUMBER':
      return { problem: 'not_a_number', international };
    case 'INVALID_COUNTRY':
      return { problem: 'unknown_country_code', international };
    case 'TOO_SHORT':
      return { problem: 'too_short', international };
    case 'TOO_LONG':
      return { problem: 'too_long', international };
    default:
      // Text around the number (which normalization refuses, `extract: false`) is not a number either.
      return {
        problem: parsePhoneNumberFromString(text, { defaultCountry: country, extract: false })
          ? 'not_valid'
          : 'not_a_number',
        international,
      };
  }
}

/**
 * The number in international form when `raw` starts with a dialling prefix (00 or 011) that the
 * default country does not use, and reads as a valid number once the prefix is replaced by +:
 * "001 415 555 0100" typed in the US is "+1 415 555 0100". Null otherwise.
 */
export function internationalRewrite(raw: string): { prefix: string; number: string } | null {
  const match = /^(00|011)\s*(\d.*)$/.exec(phoneNumberText(raw));
  if (!match) return null;
  const parsed = parsePhoneNumberFromString(`+${match[2]}`, { extract: false });
  return parsed?.isValid() ? { prefix: match[1]!, number: parsed.formatInternational() } : null;
}
