import { describe, expect, it } from 'vitest';
import { ADDRESS_TYPE_LABEL, ADDRESS_TYPE_PLURAL_LABEL, addressTypePlural, wholeListCount } from './labels.ts';

describe('address-type plurals', () => {
  // "address" + "s" gave "Email addresss are not mapped…" in the lookup warnings.
  it('spells the plural of each address type', () => {
    expect(ADDRESS_TYPE_PLURAL_LABEL).toEqual({ phone: 'Phone numbers', email: 'Email addresses' });
    expect(addressTypePlural('phone')).toBe('phone numbers');
    expect(addressTypePlural('email')).toBe('email addresses');
  });

  it.each(Object.keys(ADDRESS_TYPE_LABEL) as Array<keyof typeof ADDRESS_TYPE_LABEL>)(
    'starts the plural of %s with its label, and never ends it in “sss”',
    (addressType) => {
      const plural = ADDRESS_TYPE_PLURAL_LABEL[addressType];
      expect(plural.startsWith(ADDRESS_TYPE_LABEL[addressType])).toBe(true);
      expect(plural).not.toMatch(/sss$/);
    },
  );
});

describe('wholeListCount', () => {
  it('counts a whole list as a sentence starts it', () => {
    expect(wholeListCount(1, 'change')).toBe('The only change');
    expect(wholeListCount(2, 'change')).toBe('Both changes');
    expect(wholeListCount(21, 'change')).toBe('All 21 changes');
    expect(wholeListCount(2, 'entry', 'entries')).toBe('Both entries');
  });
});
