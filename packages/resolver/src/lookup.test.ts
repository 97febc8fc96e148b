import { describe, expect, it } from 'vitest';
import { followTombstone, lookupByAddress, lookupByIdentifier, normalizeAddress } from './lookup.ts';
import { toProfileView } from './profile-view.ts';
import { createWorld, day, presetSettings } from './test-support.ts';

const mappings = { phone: 'phone', email: 'email' };

describe('normalizeAddress', () => {
  it.each<[string, 'phone' | 'email', string, string]>([
    ['a national phone number', 'phone', '(415) 555-0100', '+14155550100'],
    ['a whatsapp address', 'phone', 'whatsapp:+1 415 555 0100', '+14155550100'],
    ['an email address', 'email', ' Jane@Example.com ', 'jane@example.com'],
  ])('normalizes %s through the mapped identifier', (_name, addressType, address, expected) => {
    expect(normalizeAddress({ settings: presetSettings(), mappings, addressType, address })).toMatchObject({
      ok: true,
      identifier: { key: addressType, displayName: addressType },
      normalizedValue: expected,
    });
  });

  it.each<[string, { phone: string | null; email: string | null }, string, string]>([
    ['an unmapped address type', { phone: null, email: 'email' }, '+14155550100', 'address_type_not_mapped'],
    [
      'a mapping to a missing identifier',
      { phone: 'mobile', email: 'email' },
      '+14155550100',
      'address_type_not_mapped',
    ],
    ['an address that does not normalize', mappings, 'not a number', 'invalid_address'],
  ])('fails on %s', (_name, mapping, address, code) => {
    expect(
      normalizeAddress({ settings: presetSettings(), mappings: mapping, addressType: 'phone', address }),
    ).toMatchObject({
      ok: false,
      code,
    });
  });
});

describe('lookups', () => {
  it('finds the profile holding the number, and creates one only when asked', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', traits: { phone: '+1 415 555 0100' }, timestamp: day(1) });
    const common = { settings: world.settings, mappings, store: world.store, now: world.now, newId: world.newId };
    const found = await lookupByAddress({ ...common, addressType: 'phone', address: 'tel:(415) 555-0100' });
    expect(found).toMatchObject({
      ok: true,
      normalizedValue: '+14155550100',
      created: false,
      profiles: [{ id: 'P1' }],
    });

    const missing = await lookupByAddress({ ...common, addressType: 'phone', address: '+1 212 555 0199' });
    expect(missing).toMatchObject({ ok: true, profiles: [], created: false });

    const created = await lookupByAddress({
      ...common,
      addressType: 'phone',
      address: '+1 212 555 0199',
      createIfNotFound: true,
    });
    expect(created).toMatchObject({ ok: true, created: true, profiles: [{ id: 'P2', createdAt: world.now() }] });
    expect(world.store.profileHolding('phone', '+12125550199')?.id).toBe('P2');

    const again = await lookupByAddress({
      ...common,
      addressType: 'phone',
      address: '(212) 555-0199',
      createIfNotFound: true,
    });
    expect(again).toMatchObject({ ok: true, created: false, profiles: [{ id: 'P2' }] });
  });

  it('never creates a profile for a blocked value', async () => {
    const world = createWorld();
    const common = { settings: world.settings, mappings, store: world.store, now: world.now, newId: world.newId };
    const result = await lookupByAddress({
      ...common,
      addressType: 'email',
      address: 'NULL@x',
      createIfNotFound: false,
    });
    expect(result).toMatchObject({ ok: true, profiles: [] });
    const blockedSettings = presetSettings({ email: { blockedValues: [{ value: 'null@x', match: 'exact' }] } });
    const refused = await lookupByAddress({
      ...common,
      settings: blockedSettings,
      addressType: 'email',
      address: 'NULL@x',
      createIfNotFound: true,
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_address' });
    expect(world.store.listProfiles()).toEqual([]);
  });

  it('finds the profile holding a value blocked after it took the value (settings do not re-resolve profiles)', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'bob', traits: { email: 'shared@corp.com' } });
    const blockedLater = presetSettings({ email: { blockedValues: [{ value: 'SHARED@corp.com', match: 'exact' }] } });
    const common = { settings: blockedLater, mappings, store: world.store, now: world.now, newId: world.newId };
    for (const createIfNotFound of [false, true]) {
      expect(
        await lookupByAddress({ ...common, addressType: 'email', address: 'shared@corp.com', createIfNotFound }),
      ).toMatchObject({ ok: true, profiles: [{ id: 'P1' }], created: false });
    }
    expect(
      await lookupByIdentifier({ settings: blockedLater, key: 'email', value: 'shared@corp.com', store: world.store }),
    ).toMatchObject({ ok: true, profiles: [{ id: 'P1' }] });
    expect(world.store.listProfiles()).toHaveLength(1);
  });

  it('quotes at most 60 characters of a value it cannot read', async () => {
    const world = createWorld();
    const found = await lookupByIdentifier({
      settings: world.settings,
      key: 'phone',
      value: 'x'.repeat(300),
      store: world.store,
    });
    expect(found).toMatchObject({
      ok: false,
      code: 'invalid_address',
      message: `"${'x'.repeat(60)}"… (300 characters) is not a phone number that can be read (write only the number: digits, spaces, brackets, dashes and a leading +)`,
    });
  });

  it.each([
    [
      '555-0100',
      'US',
      'too short for a number of United States (US): include the area code, or write it with + and its country code',
    ],
    ['001 415 555 0100', 'US', '00 is a dialling prefix, not part of the number: write it as +1 415 555 0100'],
    [
      '0044 20 7946 0018 99',
      'GB',
      'too long for a number of United Kingdom (GB); a number of another country is written with + and its country code',
    ],
    [
      '1 415 555 0100 99',
      'US',
      'too long for a number of United States (US); a number of another country is written with + and its country code',
    ],
    [
      '(415) 555-0100',
      'GB',
      'no number of United Kingdom (GB) has this form; a number of another country is written with + and its country code',
    ],
    ['+999 123 4567', 'US', 'no country has the code it starts with'],
    ['+1 123 456 7890', 'GB', 'no number of its country code has this form'],
    ['+44 20', 'US', 'too short for a number of its country code'],
    ['Call 415 555 0100 now', 'US', 'write only the number: digits, spaces, brackets, dashes and a leading +'],
  ])('says what to change in a phone number it cannot read: %s with %s', async (value, defaultCountry, hint) => {
    const world = createWorld();
    const found = await lookupByIdentifier({
      settings: { ...world.settings, defaultCountry },
      key: 'phone',
      value,
      store: world.store,
    });
    expect(found).toMatchObject({
      ok: false,
      code: 'invalid_address',
      message: `${JSON.stringify(value)} is not a phone number that can be read (${hint})`,
    });
  });

  it('asks for a country code when the default country has no numbering plan', async () => {
    const world = createWorld();
    const found = await lookupByIdentifier({
      settings: { ...world.settings, defaultCountry: 'AQ' },
      key: 'phone',
      value: '(415) 555-0100',
      store: world.store,
    });
    expect(found).toMatchObject({
      ok: false,
      code: 'invalid_address',
      message:
        '"(415) 555-0100" is not a phone number that can be read (write it with its country code: the default country, Antarctica (AQ), has no numbering plan)',
    });
  });

  it('looks up by identifier key and value, normalizing the value', async () => {
    const world = createWorld();
    await world.send({ type: 'identify', userId: 'u1', traits: { email: 'jane@example.com' } });
    const found = await lookupByIdentifier({
      settings: world.settings,
      key: 'email',
      value: 'JANE@example.com',
      store: world.store,
    });
    expect(found).toMatchObject({ ok: true, normalizedValue: 'jane@example.com', profiles: [{ id: 'P1' }] });
    expect(await lookupByIdentifier({ settings: world.settings, key: 'nope', value: 'x', store: world.store })).toEqual(
      { ok: false, code: 'identifier_not_found', message: 'No identifier has the key "nope"' },
    );
  });

  it('says an email address is too long rather than badly formed when it is over 255 characters', async () => {
    const world = createWorld();
    const address = `${'a'.repeat(250)}@example.com`;
    const refused = await lookupByIdentifier({
      settings: world.settings,
      key: 'email',
      value: address,
      store: world.store,
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_address' });
    expect((refused as { message: string }).message).toMatch(
      /^"a{60}"… \(262 characters\) is longer than an email address may be \(at most 255 characters\)$/,
    );
  });

  it('follows a tombstone to the survivor', async () => {
    const world = createWorld();
    await world.send({ type: 'page', anonymousId: 'a1', timestamp: day(1) });
    await world.send({ type: 'page', anonymousId: 'a2', timestamp: day(2) });
    await world.send({
      type: 'page',
      anonymousId: 'a2',
      context: { externalIds: [{ id: 'a1', type: 'anonymous_id' }] },
      timestamp: day(3),
    });
    expect(await followTombstone(world.store, 'P2')).toMatchObject({ merged: true, profile: { id: 'P1' } });
    expect(await followTombstone(world.store, 'P1')).toMatchObject({ merged: false, profile: { id: 'P1' } });
    expect(await followTombstone(world.store, 'P9')).toBeUndefined();
  });
});

describe('toProfileView', () => {
  it('shows identifiers in priority order with display names and ISO times (SPEC §8)', async () => {
    const settings = presetSettings({ email: { displayName: 'Email address' } });
    const world = createWorld(settings);
    await world.send({
      type: 'identify',
      anonymousId: 'a1',
      traits: { email: 'j@x.y', plan: 'pro' },
      userId: 'u1',
      timestamp: day(1),
    });
    const profile = await world.store.getProfile('P1');
    expect(toProfileView(profile!, settings)).toEqual({
      id: 'P1',
      createdAt: day(1),
      updatedAt: new Date(world.now()).toISOString(),
      identifiers: [
        { key: 'user_id', displayName: 'user_id', value: 'u1', firstSeenAt: day(1) },
        { key: 'email', displayName: 'Email address', value: 'j@x.y', firstSeenAt: day(1) },
        { key: 'anonymous_id', displayName: 'anonymous_id', value: 'a1', firstSeenAt: day(1) },
      ],
      traits: { email: 'j@x.y', plan: 'pro' },
      mergedFrom: [],
      mergeCount: 0,
    });
  });
});
