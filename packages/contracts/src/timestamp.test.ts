import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema } from './events.ts';
import { parseTimestamp } from './timestamp.ts';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Timestamps shaped like RFC 3339, with fields that may be out of range and every zone form. */
const timestampLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,7}$/)),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.constant('z'),
      fc.constant(''),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
        .map(([sign, hour, minute]) => `${sign}${pad(hour, 2)}:${pad(minute, 2)}`),
      fc.constantFrom('+0100', '+01', '-05:00:00'),
    ),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, zone }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === null ? '' : `.${fraction}`}${zone}`,
  );

/** Whether every field of an RFC 3339-like timestamp is in range, so that `Date.parse` and ISO 8601 agree. */
function inRange(text: string): boolean {
  const [, , month, day, hour, minute, second, offsetHour, offsetMinute] =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d*)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(text)?.map(Number) ??
    [];
  if (month === undefined) return false;
  const year = Number(text.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (
    month >= 1 &&
    month <= 12 &&
    day! >= 1 &&
    day! <= monthDays! &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    (offsetHour === undefined || Number.isNaN(offsetHour) || (offsetHour <= 23 && offsetMinute! <= 59))
  );
}

describe('parseTimestamp', () => {
  it('reads an RFC 3339 timestamp with in-range fields exactly as Date.parse does, and refuses the others', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          timestampLike,
          fc.date({ noInvalidDate: true, min: new Date(0) }).map((date) => date.toISOString()),
        ),
        (text) => {
          const offset = /(?:[Zz]|[+-]\d{2}:\d{2})$/.test(text);
          if (offset && inRange(text)) expect(parseTimestamp(text)).toBe(Date.parse(text.replace(/z$/, 'Z')));
          else if (offset) expect(parseTimestamp(text)).toBeNaN();
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('refuses anything that is not ISO 8601, which Date.parse would read', () => {
    for (const text of [
      'March 7, 2024',
      '2024/03/07',
      '1',
      'Thu, 07 Mar 2024 10:00:00 GMT',
      '2024-03-07T1',
      '2024-3-7',
      '',
    ]) {
      expect(parseTimestamp(text)).toBeNaN();
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        if (!/^\d{4}-\d{2}-\d{2}/.test(text)) expect(parseTimestamp(text)).toBeNaN();
      }),
    );
  });

  it('reads the other ISO 8601 forms, a time without an offset as UTC', () => {
    const cases: [string, number][] = [
      ['2024-01-01', Date.UTC(2024, 0, 1)],
      ['2024-01-01T10:30', Date.UTC(2024, 0, 1, 10, 30)],
      ['2024-01-01T10Z', Date.UTC(2024, 0, 1, 10)],
      ['2024-01-01T10:30:15', Date.UTC(2024, 0, 1, 10, 30, 15)],
      ['2024-01-01T10:30:15.5', Date.UTC(2024, 0, 1, 10, 30, 15, 500)],
      ['2024-01-01T10:30:15,25Z', Date.UTC(2024, 0, 1, 10, 30, 15, 250)],
      ['2024-01-01T00:00:00+0100', Date.UTC(2023, 11, 31, 23)],
      ['2024-01-01T00:00:00-05', Date.UTC(2024, 0, 1, 5)],
      ['2024-01-01 00:00:00Z', Date.UTC(2024, 0, 1)],
      ['2024-01-01t00:00:00z', Date.UTC(2024, 0, 1)],
    ];
    for (const [text, expected] of cases) {
      expect(parseTimestamp(text), text).toBe(expected);
      expect(EventSchema.safeParse({ type: 'track', timestamp: text }).success, text).toBe(true);
    }
    for (const text of [
      '2024-02-30',
      '2024-01-01T24:00',
      '2024-01-01T10:60',
      '2024-01-01T10:00:00+24:00',
      '2024-01-01Z',
    ]) {
      expect(parseTimestamp(text), text).toBeNaN();
      expect(EventSchema.safeParse({ type: 'track', timestamp: text }).success, text).toBe(false);
    }
  });

  it('reads the timestamps the event schema accepts', () => {
    const cases: [string, number][] = [
      ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
      ['2024-03-01T00:00:00.1234567+01:30', Date.UTC(2024, 1, 29, 22, 30, 0, 123)],
      ['1970-01-01T00:00:00-00:01', 60_000],
    ];
    for (const [text, expected] of cases) {
      expect(EventSchema.safeParse({ type: 'track', timestamp: text }).success).toBe(true);
      expect(parseTimestamp(text)).toBe(expected);
    }
  });
});
