import { describe, expect, it } from 'vitest';
import { addIdentifierFormSchema, suggestKey } from './add-identifier-form.ts';

const EXISTING = ['user_id', 'email', 'phone', 'anonymous_id'];

function keyMessage(key: string): string | undefined {
  const result = addIdentifierFormSchema(EXISTING).safeParse({ key, displayName: '', position: '', sourceKeys: 'x' });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === 'key')?.message;
}

describe('the Add identifier key', () => {
  it('suggests the key a typed name probably meant', () => {
    expect(suggestKey('Loyalty ID')).toBe('loyalty_id');
    expect(suggestKey(' CRM-Id ')).toBe('crm_id');
    expect(suggestKey('ios.ID')).toBe('ios.id');
    expect(suggestKey('123')).toBeNull();
    expect(suggestKey('%%%')).toBeNull();
  });

  it('names the key it meant, or says the space has it already', () => {
    expect(keyMessage('Loyalty ID')).toBe(
      'Use 1–64 lowercase letters, digits, "_" or ".", starting with a letter, such as “loyalty_id”.',
    );
    expect(keyMessage('EMAIL')).toBe(
      'Use 1–64 lowercase letters, digits, "_" or ".", starting with a letter. The space already has “email”.',
    );
    expect(keyMessage('email')).toBe('An identifier with this key already exists in this space');
    expect(keyMessage('9lives')).toBe('Use 1–64 lowercase letters, digits, "_" or ".", starting with a letter');
    expect(keyMessage('loyalty_id')).toBeUndefined();
  });
});
