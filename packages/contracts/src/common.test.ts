import { describe, expect, it } from 'vitest';
import { CountryCodeSchema } from './common.ts';

describe('CountryCodeSchema', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes', () => {
    for (const code of ['US', 'GB', 'DE', 'FR', 'AX', 'ZW'])
      expect(CountryCodeSchema.safeParse(code).success).toBe(true);
  });

  it('refuses well-formed codes that are not assigned, with one message', () => {
    const result = CountryCodeSchema.safeParse('ZZ');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'This is not an ISO 3166 country code; use one such as US, GB or DE',
    ]);
  });

  it('accepts any case and gives the code in upper case', () => {
    for (const [code, upper] of [
      ['gb', 'GB'],
      ['Gb', 'GB'],
      ['gB', 'GB'],
      ['us', 'US'],
      ['US', 'US'],
    ]) {
      expect(CountryCodeSchema.parse(code)).toBe(upper);
    }
  });

  it('refuses an unassigned code in lower case as not assigned, not as malformed', () => {
    expect(CountryCodeSchema.safeParse('zz').error?.issues.map((issue) => issue.message)).toEqual([
      'This is not an ISO 3166 country code; use one such as US, GB or DE',
    ]);
  });

  it('refuses other shapes with the format message only', () => {
    for (const code of ['usa', 'USA', '', 'U1', 'ü1', ' us']) {
      expect(CountryCodeSchema.safeParse(code).error?.issues.map((issue) => issue.message)).toEqual([
        'Use a two-letter ISO 3166 country code, e.g. US',
      ]);
    }
  });
});
