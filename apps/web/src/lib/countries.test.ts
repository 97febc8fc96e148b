import { COUNTRY_CODES, countryLabel } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { countryOptions } from './countries.ts';

describe('countries', () => {
  it('lists every country by name with its code', () => {
    const options = countryOptions(COUNTRY_CODES);
    expect(options).toHaveLength(249);
    expect(options).toContainEqual({ code: 'GB', label: 'United Kingdom (GB)' });
    expect(options).toContainEqual({ code: 'US', label: 'United States (US)' });
    const labels = options.map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('names one country', () => {
    expect(countryLabel('DE')).toBe('Germany (DE)');
  });
});
