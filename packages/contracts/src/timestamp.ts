// Event timestamps are parsed twice per event on the ingestion path (the bound check and the
// resolver's clock), and `Date.parse` is one of the dearer steps there (~0.2 µs). The event schema
// only admits RFC 3339 timestamps, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, which read in a
// few character comparisons; anything else goes to `Date.parse`, so the result is always its.

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

/** The fast path: epoch ms of an RFC 3339 timestamp with in-range fields, or `null` to defer to `Date.parse`. */
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
  // Out-of-range fields (which Date.parse may roll over or refuse) and years below 100 go to Date.parse.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    // A fraction: its first three digits are the milliseconds, further digits are cut (as Date.parse does).
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

/** Epoch milliseconds of a timestamp, exactly as `Date.parse` reads it (`NaN` if it cannot). */
export function parseTimestamp(text: string): number {
  return parseRfc3339(text) ?? Date.parse(text);
}
