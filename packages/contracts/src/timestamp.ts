// Event timestamps are ISO 8601 (SPEC §5). Segment's libraries send RFC 3339,
// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, which reads in a few character comparisons; that fast
// path matters because a timestamp is read twice per event on the ingestion path (the bound check
// and the resolver's clock). The other ISO 8601 forms other senders use (a date alone, no seconds,
// no offset, `±HHMM` or `±HH` offsets, a space for the `T`) go through one regular expression.
// `Date.parse` is not used: it also reads free text ("March 7, 2024") and reads a time without an
// offset in the server's own zone, so one event would resolve differently on two servers.

const ZERO = 48;

/** The number written by `count` ASCII digits at `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The fast path: epoch ms of an RFC 3339 timestamp with in-range fields, or `null` to defer to `parseIso8601`. */
function parseRfc3339(text: string): number | null {
  const length = text.length;
  if (length < 20) return null;
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return null;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  // Out-of-range fields go to the general parser, which refuses them.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    // A fraction: its first three digits are the milliseconds, further digits are cut.
    i++;
    const start = i;
    while (i < length) {
      const digit = text.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) break;
      if (i - start < 3) ms = ms * 10 + digit;
      i++;
    }
    if (i === start) return null;
    for (let n = i - start; n < 3; n++) ms *= 10;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */ && i + 1 === length) offsetMinutes = 0;
  else if ((zone === 43 /* + */ || zone === 45) /* - */ && i + 6 === length && text.charCodeAt(i + 3) === 58) {
    const offsetHour = digitsAt(text, i + 1, 2);
    const offsetMinute = digitsAt(text, i + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return null;
    offsetMinutes = (zone === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else return null;
  const days = daysSinceEpoch(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + ms;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * `days_from_civil`): integer arithmetic, several times cheaper than `Date.UTC`.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// Extended ISO 8601: a date, optionally a time (hours, optionally minutes, then seconds and a
// fraction), and an offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`) after a time only.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Epoch ms of any accepted ISO 8601 form; without an offset the time is UTC. `NaN` if not accepted. */
function parseIso8601(text: string): number {
  const match = ISO_8601.exec(text);
  if (match === null) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const offsetHour = Number(digits.slice(1, 3));
    const offsetMinute = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
    if (offsetHour > 23 || offsetMinute > 59) return Number.NaN;
    offsetMinutes = (zone[0] === '+' ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  }
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + ms;
}

/**
 * Epoch milliseconds of an ISO 8601 timestamp (`NaN` if it is not one): RFC 3339 and the other
 * extended forms above; a time without an offset is read as UTC.
 */
export function parseTimestamp(text: string): number {
  return parseRfc3339(text) ?? parseIso8601(text);
}
