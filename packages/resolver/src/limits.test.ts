import { describe, expect, it } from 'vitest';
import { countInWindow } from './limits.ts';
import { DAY } from './test-support.ts';

describe('countInWindow', () => {
  it.each<[string, number[], number, number | null, number]>([
    ['ever counts everything', [0, 5 * DAY, 100 * DAY], 1, null, 3],
    ['values inside (at - w, at]', [1 * DAY, 5 * DAY, 7 * DAY], 7 * DAY, 7 * DAY, 3],
    ['a value exactly one window old has left it', [0, 5 * DAY, 7 * DAY], 7 * DAY, 7 * DAY, 2],
    ['a value 8 days old no longer counts', [0, 8 * DAY], 8 * DAY, 7 * DAY, 1],
    ['late event: later values within one window count with it', [1 * DAY, 2 * DAY, 3 * DAY], 1 * DAY, 7 * DAY, 3],
    ['late event: far later values do not', [1 * DAY, 20 * DAY, 21 * DAY], 1 * DAY, 7 * DAY, 1],
    ['late event: the busiest window containing it wins', [0, 6 * DAY, 10 * DAY, 11 * DAY], 6 * DAY, 7 * DAY, 3],
  ])('%s', (_name, times, at, windowMs, expected) => {
    expect(countInWindow(times, at, windowMs)).toBe(expected);
  });
});
