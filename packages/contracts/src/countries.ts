// The officially assigned ISO 3166-1 alpha-2 codes (249). A space's default country must be one of
// them (SPEC §1): a well-formed but unassigned code such as "ZZ" would make every national phone
// number of the space unreadable.
const ISO_3166_ALPHA2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** Every assigned ISO 3166-1 alpha-2 code, in alphabetical order (the console's country choices). */
export const COUNTRY_CODES: readonly string[] = Object.freeze(ISO_3166_ALPHA2.split(' '));

const COUNTRY_CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODE_SET.has(code);
}

/**
 * Assigned codes with no telephone numbering plan of their own (uninhabited or served by another
 * country's plan): with one as a space's default country, a number written without a country code
 * cannot be read at all. They stay valid choices (SPEC §1 asks for an ISO 3166 code), and the
 * console warns. A resolver test keeps this list in step with the phone library's metadata.
 */
export const COUNTRIES_WITHOUT_NUMBERING_PLAN: readonly string[] = Object.freeze([
  'AQ',
  'BV',
  'GS',
  'HM',
  'PN',
  'TF',
  'UM',
]);

/** Whether national phone numbers (no `+` and country code) can be read with `code` as the default country. */
export function hasNumberingPlan(code: string): boolean {
  return isCountryCode(code) && !COUNTRIES_WITHOUT_NUMBERING_PLAN.includes(code);
}

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** A country as the console and its messages name it: "United Kingdom (GB)" (English name, then code). */
export function countryLabel(code: string): string {
  return `${COUNTRY_NAMES.of(code) ?? code} (${code})`;
}
