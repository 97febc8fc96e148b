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

describe('parseTimestamp', () => {
  it('reads every timestamp exactly as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          timestampLike,
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.string(),
        ),
        (text) => {
          expect(Object.is(parseTimestamp(text), Date.parse(text))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
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
