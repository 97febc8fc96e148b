import { describe, expect, it } from 'vitest';
import { TwoGenerationCache } from './two-generation-cache.ts';

describe('TwoGenerationCache', () => {
  it('remembers values per scope', () => {
    const cache = new TwoGenerationCache<string | null>(10);
    cache.set('US', '(415) 555-0100', '+14155550100');
    cache.set('GB', '(415) 555-0100', null);
    expect(cache.get('US', '(415) 555-0100')).toBe('+14155550100');
    expect(cache.get('GB', '(415) 555-0100')).toBeNull();
    expect(cache.get('FR', '(415) 555-0100')).toBeUndefined();
  });

  it('keeps hitting on a working set a little over its capacity, where a cache cleared when full misses', () => {
    const capacity = 100;
    const keys = Array.from({ length: 107 }, (_, i) => `k${i}`);
    const cache = new TwoGenerationCache<number>(capacity);
    const clearedWhenFull = new Map<string, number>();
    let misses = 0;
    let clearedMisses = 0;
    for (let pass = 0; pass < 6; pass++) {
      for (const [i, key] of keys.entries()) {
        const counted = pass > 0; // the first pass fills both
        if (cache.get('s', key) === undefined) {
          if (counted) misses++;
          cache.set('s', key, i);
        }
        if (!clearedWhenFull.has(key)) {
          if (counted) clearedMisses++;
          if (clearedWhenFull.size >= capacity) clearedWhenFull.clear();
          clearedWhenFull.set(key, i);
        }
      }
    }
    const lookups = 5 * keys.length;
    expect(misses / lookups).toBeLessThan(0.1);
    expect(clearedMisses / lookups).toBeGreaterThan(0.5);
  });

  it('stays bounded: at most twice its capacity, the oldest generation dropped', () => {
    const cache = new TwoGenerationCache<number>(10);
    for (let i = 0; i < 1000; i++) cache.set('s', `k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(20);
    expect(cache.get('s', 'k0')).toBeUndefined();
    expect(cache.get('s', 'k999')).toBe(999);
  });

  it('counts a value set again in place once', () => {
    const cache = new TwoGenerationCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set('s', 'same', i);
    cache.set('s', 'a', 1);
    cache.set('s', 'b', 2);
    // "same", "a" and "b" fill one generation: nothing has been dropped yet.
    expect(cache.get('s', 'same')).toBe(9);
    expect(cache.size).toBe(3);
  });
});
