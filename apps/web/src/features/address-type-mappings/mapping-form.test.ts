import { describe, expect, it } from 'vitest';
import { identifierOptionLabel } from '../../lib/labels.ts';
import { MappingFormSchema, mappingClash, rebaseMappings, toFormValues } from './mapping-form.ts';

const email = { key: 'email', displayName: 'email', normalization: 'email' as const };
const userId = { key: 'user_id', displayName: 'User ID', normalization: 'trim' as const };

describe('MappingFormSchema', () => {
  it('turns "None" into null', () => {
    expect(MappingFormSchema.parse({ phone: '', email: 'email' })).toEqual({ phone: null, email: 'email' });
  });

  it('refuses one identifier for both address types, on the email field', () => {
    const result = MappingFormSchema.safeParse({ phone: 'email', email: 'email' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['email']);
  });

  it('round-trips with toFormValues', () => {
    expect(toFormValues({ phone: null, email: 'email' })).toEqual({ phone: '', email: 'email' });
  });
});

describe('rebaseMappings', () => {
  const base = { mappings: { phone: 'phone', email: 'email' }, version: 3 };

  it('ignores answers that are not newer', () => {
    expect(rebaseMappings(base, { ...base, version: 3 }, false)).toEqual({ base, resetForm: false });
  });

  it('follows the server while the form is clean', () => {
    const server = { mappings: { phone: null, email: 'email' }, version: 4 };
    expect(rebaseMappings(base, server, false)).toEqual({ base: server, resetForm: true });
  });

  it('moves only the version when a dirty form’s mappings were not changed by others', () => {
    expect(rebaseMappings(base, { ...base, version: 5 }, true)).toEqual({
      base: { ...base, version: 5 },
      resetForm: false,
    });
  });

  it('keeps the old base when others changed the mappings, so saving conflicts', () => {
    const server = { mappings: { phone: null, email: 'email' }, version: 5 };
    expect(rebaseMappings(base, server, true)).toEqual({ base, resetForm: false });
  });
});

describe('identifierOptionLabel', () => {
  it('shows the display name with the key, once when they are equal', () => {
    expect(identifierOptionLabel(userId)).toBe('user_id — User ID');
    expect(identifierOptionLabel(email)).toBe('email');
  });
});

describe('mappingClash', () => {
  const saved = { phone: 'phone', email: 'email' };

  it('is null while the two address types hold different identifiers (or none)', () => {
    expect(mappingClash({ phone: 'user_id', email: 'email' }, saved)).toBeNull();
    expect(mappingClash({ phone: '', email: '' }, saved)).toBeNull();
  });

  it('puts the error on the select the admin changed, naming the address type that already uses it', () => {
    const onPhone = mappingClash({ phone: 'email', email: 'email' }, saved);
    expect(onPhone?.field).toBe('phone');
    expect(onPhone?.message).toMatch(/^email is already mapped to Email address\. /);
    const onEmail = mappingClash({ phone: 'phone', email: 'phone' }, saved);
    expect(onEmail?.field).toBe('email');
    expect(onEmail?.message).toMatch(/already mapped to Phone number\. /);
  });

  it('falls back to the email select when both were changed', () => {
    expect(mappingClash({ phone: 'user_id', email: 'user_id' }, saved)?.field).toBe('email');
  });
});
