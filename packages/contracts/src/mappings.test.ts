import { describe, expect, it } from 'vitest';
import { AddressTypeMappingsSchema } from './mappings.ts';
import { buildPath } from './routes.ts';
import { CreateSpaceInputSchema } from './spaces.ts';

describe('AddressTypeMappingsSchema', () => {
  it('accepts keys and nulls', () => {
    expect(AddressTypeMappingsSchema.safeParse({ phone: 'phone', email: null }).success).toBe(true);
    expect(AddressTypeMappingsSchema.safeParse({ phone: null, email: null }).success).toBe(true);
  });
  it('refuses one identifier for both address types, on email', () => {
    const result = AddressTypeMappingsSchema.safeParse({ phone: 'contact', email: 'contact' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['email'] })]);
  });
  it('refuses a missing address type and unknown ones', () => {
    expect(AddressTypeMappingsSchema.safeParse({ phone: 'phone' }).success).toBe(false);
    expect(AddressTypeMappingsSchema.safeParse({ phone: null, email: null, sms: 'phone' }).success).toBe(false);
  });
});

describe('CreateSpaceInputSchema', () => {
  it.each(['default', 'dev', 'prod-eu-1', '0', `a${'b'.repeat(62)}`])('accepts the id %s', (id) => {
    expect(CreateSpaceInputSchema.safeParse({ id, name: 'x' }).success).toBe(true);
  });
  it.each(['', 'Prod', '-prod', 'a_b', `a${'b'.repeat(63)}`])('refuses the id %j', (id) => {
    expect(CreateSpaceInputSchema.safeParse({ id, name: 'x' }).success).toBe(false);
  });
});

describe('buildPath', () => {
  it('fills and encodes parameters', () => {
    expect(buildPath('/spaces/:space/identifiers/:key', { space: 'default', key: 'ios.id' })).toBe(
      '/spaces/default/identifiers/ios.id',
    );
    expect(buildPath('/spaces/:space', { space: 'a/b' })).toBe('/spaces/a%2Fb');
  });
  it('throws on a missing parameter, a programming error', () => {
    expect(() => buildPath('/spaces/:space')).toThrow(/space/);
  });
});
