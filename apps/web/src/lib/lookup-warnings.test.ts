import { describe, expect, it } from 'vitest';
import { mappedNormalizationWarning, normalizationWarning } from './lookup-warnings.ts';

const phone = { key: 'phone', displayName: 'Phone', normalization: 'phone' as const };
const email = { key: 'email', displayName: 'email', normalization: 'email' as const };
const userId = { key: 'user_id', displayName: 'User ID', normalization: 'trim' as const };

describe('normalizationWarning', () => {
  it('says nothing when the normalization fits the address type, or nothing is mapped', () => {
    expect(normalizationWarning('phone', phone)).toBeNull();
    expect(normalizationWarning('email', email)).toBeNull();
    expect(normalizationWarning('phone', undefined)).toBeNull();
  });

  it('warns when phone is mapped to an identifier not normalized as phone', () => {
    const warning = normalizationWarning('phone', userId);
    expect(warning).toContain('Lookups will not match: User ID (user_id) uses “trim” normalization');
    expect(warning).toContain('E.164');
  });

  it('warns when email is mapped to an identifier not normalized as email', () => {
    expect(normalizationWarning('email', phone)).toContain('Choose an identifier with “email” normalization');
  });
});

describe('mappedNormalizationWarning', () => {
  it('says nothing while a mapped identifier keeps the normalization its address type needs', () => {
    expect(mappedNormalizationWarning('phone', phone, 'phone')).toBeNull();
    expect(mappedNormalizationWarning('email', email, 'email')).toBeNull();
  });

  it('warns when the rules of a mapped identifier would change its normalization, and says what to keep', () => {
    const warning = mappedNormalizationWarning('phone', phone, 'trim');
    expect(warning).toBe(
      'Lookups will not match: Phone (phone) is mapped to Phone number, and phone number lookups search for E.164 numbers such as +14155550100. With “trim” normalization its values are not stored that way. Keep “phone” normalization, or map another identifier first.',
    );
    expect(mappedNormalizationWarning('email', email, 'none')).toContain('Keep “email” normalization');
  });

  it('says what to choose when the mapped identifier never had the normalization its address type needs', () => {
    const loyalty = { ...phone, key: 'loyalty_id', displayName: 'loyalty_id', normalization: 'trim' as const };
    const warning = mappedNormalizationWarning('phone', loyalty, 'none');
    expect(warning).toContain('With “none” normalization its values are not stored that way.');
    expect(warning).toMatch(/Choose “phone” normalization, or map another identifier to Phone number\.$/);
    expect(warning).not.toContain('Keep');
  });
});
