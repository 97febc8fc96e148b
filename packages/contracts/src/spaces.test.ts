import { describe, expect, it } from 'vitest';
import { CreateSpaceInputSchema, UpdateSpaceInputSchema } from './spaces.ts';

describe('space inputs', () => {
  it('take the default country in any case and give it in upper case', () => {
    expect(CreateSpaceInputSchema.parse({ id: 'uk', name: 'UK', defaultCountry: 'gb' }).defaultCountry).toBe('GB');
    expect(UpdateSpaceInputSchema.parse({ defaultCountry: 'De' })).toEqual({ defaultCountry: 'DE' });
  });

  it('refuse a country code nobody is assigned, in any case', () => {
    for (const defaultCountry of ['zz', 'ZZ']) {
      expect(UpdateSpaceInputSchema.safeParse({ defaultCountry }).error?.issues[0]?.path).toEqual(['defaultCountry']);
    }
  });
});
