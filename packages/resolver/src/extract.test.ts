import type { Event } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { prepareCandidates } from './candidates.ts';
import { extractCandidates } from './extract.ts';
import { compileSettings } from './settings.ts';
import { identifier } from './test-support.ts';
import { parseEvent } from './validate.ts';

const BUILT_INS = [
  'user_id',
  'email',
  'anonymous_id',
  'group_id',
  'ga_client_id',
  'ios.id',
  'android.id',
  'ios.idfa',
  'android.idfa',
  'ios.push_token',
  'android.push_token',
];

// Built-ins only (no blocked values) plus a custom identifier read from `phone_number`.
const settings = compileSettings({
  defaultCountry: 'US',
  identifiers: [
    ...BUILT_INS.map((key, index) => identifier(key, index + 1, { blockedValues: [], normalization: 'trim' })),
    identifier('phone', BUILT_INS.length + 1, { kind: 'custom', sourceKeys: ['phone_number'], blockedValues: [] }),
    identifier('crm_id', BUILT_INS.length + 2, { kind: 'custom', sourceKeys: ['crmId'], blockedValues: [] }),
    identifier('crm.id', BUILT_INS.length + 3, { kind: 'custom', sourceKeys: ['crm.id'], blockedValues: [] }),
  ],
});

function extracted(event: Partial<Event> & Record<string, unknown>): string[] {
  return extractCandidates(settings, { type: 'track', ...event } as Event).candidates.map(
    (candidate) => `${candidate.identifier.key}<-${candidate.source}=${String(candidate.raw)}`,
  );
}

const ios = (device: Record<string, unknown>) => ({ context: { device: { type: 'ios', ...device } } });

describe('extraction of built-in identifiers (SPEC §5.1)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['user_id from userId', { userId: 'u1' }, ['user_id<-userId=u1']],
    ['user_id from a numeric userId', { userId: 42 }, ['user_id<-userId=42']],
    ['email from traits', { traits: { email: 'a@b.c' } }, ['email<-traits.email=a@b.c']],
    ['email from context.traits', { context: { traits: { email: 'a@b.c' } } }, ['email<-context.traits.email=a@b.c']],
    ['email from properties', { properties: { email: 'a@b.c' } }, ['email<-properties.email=a@b.c']],
    ['anonymous_id from anonymousId', { anonymousId: 'a1' }, ['anonymous_id<-anonymousId=a1']],
    ['group_id from groupId', { groupId: 'g1' }, ['group_id<-groupId=g1']],
    [
      'ga_client_id from context.integrations',
      { context: { integrations: { 'Google Analytics': { clientId: 'ga1' } } } },
      ['ga_client_id<-context.integrations["Google Analytics"].clientId=ga1'],
    ],
    ['ios.id from device.id on ios', ios({ id: 'd1' }), ['ios.id<-context.device.id=d1']],
    [
      'android.id on android',
      { context: { device: { type: 'android', id: 'd2' } } },
      ['android.id<-context.device.id=d2'],
    ],
    [
      'device type is read case-insensitively',
      { context: { device: { type: 'iOS', id: 'd1' } } },
      ['ios.id<-context.device.id=d1'],
    ],
    ['no device id without a device type', { context: { device: { id: 'd1' } } }, []],
    ['no device id on another platform', { context: { device: { type: 'web', id: 'd1' } } }, []],
    [
      'ios.idfa when ad tracking is enabled',
      ios({ advertisingId: 'ad1', adTrackingEnabled: true }),
      ['ios.idfa<-context.device.advertisingId=ad1'],
    ],
    ['no idfa when ad tracking is disabled', ios({ advertisingId: 'ad1', adTrackingEnabled: false }), []],
    ['no idfa when ad tracking is not said', ios({ advertisingId: 'ad1' }), []],
    [
      'android.idfa on android with tracking',
      { context: { device: { type: 'android', advertisingId: 'ad2', adTrackingEnabled: true } } },
      ['android.idfa<-context.device.advertisingId=ad2'],
    ],
    ['ios.push_token from device.token', ios({ token: 't1' }), ['ios.push_token<-context.device.token=t1']],
    [
      'android.push_token from device.token',
      { context: { device: { type: 'android', token: 't2' } } },
      ['android.push_token<-context.device.token=t2'],
    ],
    ['null means absent', { userId: null, traits: { email: null } }, []],
  ])('%s', (_name, event, expected) => {
    expect(extracted(event)).toEqual(expected);
  });

  it('reads every location of an event in priority order, then order of appearance', () => {
    expect(
      extracted({
        anonymousId: 'a1',
        userId: 'u1',
        properties: { email: 'p@x.y' },
        traits: { email: 't@x.y' },
      }),
    ).toEqual([
      'user_id<-userId=u1',
      'email<-traits.email=t@x.y',
      'email<-properties.email=p@x.y',
      'anonymous_id<-anonymousId=a1',
    ]);
  });
});

describe('extraction of custom identifiers (SPEC §5.2)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['snake_case in traits', { traits: { phone_number: '1' } }, ['phone<-traits.phone_number=1']],
    ['camelCase in traits', { traits: { phoneNumber: '1' } }, ['phone<-traits.phoneNumber=1']],
    ['context.traits', { context: { traits: { phone_number: '1' } } }, ['phone<-context.traits.phone_number=1']],
    ['properties', { properties: { phoneNumber: '1' } }, ['phone<-properties.phoneNumber=1']],
    ['a camelCase source key also reads snake_case', { traits: { crm_id: 'c1' } }, ['crm_id<-traits.crm_id=c1']],
    ['a camelCase source key reads itself', { traits: { crmId: 'c1' } }, ['crm_id<-traits.crmId=c1']],
    ['not the identifier key itself', { traits: { phone: '1' } }, []],
    [
      'a source key with a dot, as one property',
      { traits: { 'crm.id': 'c2', crm: { id: 'no' } } },
      ['crm.id<-traits["crm.id"]=c2'],
    ],
  ])('%s', (_name, event, expected) => {
    expect(extracted(event)).toEqual(expected);
  });

  it('reads a dashed source key as written, in snake_case and in camelCase', () => {
    const dashed = compileSettings({
      defaultCountry: 'US',
      identifiers: [identifier('loyalty', 1, { kind: 'custom', sourceKeys: ['loyalty-number'], blockedValues: [] })],
    });
    const read = (traits: Record<string, unknown>) =>
      extractCandidates(dashed, { type: 'identify', traits } as Event).candidates.map((candidate) => candidate.source);
    expect(read({ 'loyalty-number': 'a' })).toEqual(['traits["loyalty-number"]']);
    expect(read({ loyalty_number: 'a' })).toEqual(['traits.loyalty_number']);
    expect(read({ loyaltyNumber: 'a' })).toEqual(['traits.loyaltyNumber']);
  });

  it('reads several spellings of one identifier in the order the event lists them (SPEC §7)', () => {
    const twoKeys = compileSettings({
      defaultCountry: 'US',
      identifiers: [
        identifier('acct', 1, { kind: 'custom', sourceKeys: ['account_id', 'acct_no'], blockedValues: [] }),
      ],
    });
    const read = (traits: Record<string, unknown>) =>
      extractCandidates(twoKeys, { type: 'identify', traits } as Event).candidates.map((candidate) => candidate.raw);
    expect(read({ accountId: 'FIRST', account_id: 'SECOND' })).toEqual(['FIRST', 'SECOND']);
    expect(read({ account_id: 'FIRST', accountId: 'SECOND' })).toEqual(['FIRST', 'SECOND']);
    expect(read({ acct_no: 'FIRST', plan: 'x', account_id: 'SECOND', acctNo: 'THIRD' })).toEqual([
      'FIRST',
      'SECOND',
      'THIRD',
    ]);
  });

  it('drops values that are not strings or finite numbers with reason invalid', () => {
    const prepared = prepareCandidates(
      settings,
      { type: 'identify', traits: { phone_number: { n: 1 }, crmId: true }, properties: { crmId: 7 } } as Event,
      null,
    );
    expect(prepared.dropped).toEqual([
      { key: 'phone', value: '{"n":1}', reason: 'invalid' },
      { key: 'crm_id', value: 'true', reason: 'invalid' },
    ]);
    expect(prepared.candidates.map((candidate) => `${candidate.key}=${candidate.value}`)).toEqual(['crm_id=7']);
  });
});

describe('context.externalIds', () => {
  it('reads entries whose type is an identifier key and whose collection is users or absent', () => {
    const extraction = extractCandidates(settings, {
      type: 'identify',
      context: {
        externalIds: [
          { id: 'e1', type: 'email', collection: 'users', encoding: 'none' },
          { id: 'u9', type: 'user_id' },
          { id: 'x', type: 'email', collection: 'accounts' },
          { id: 'z', type: 'salesforce_id', collection: 'users' },
          { id: 5, type: 'crm_id' },
        ],
      },
    } as Event);
    expect(extraction.candidates.map((candidate) => `${candidate.identifier.key}<-${candidate.source}`)).toEqual([
      'user_id<-context.externalIds[1]',
      'email<-context.externalIds[0]',
      'crm_id<-context.externalIds[4]',
    ]);
    expect(extraction.unrecognizedTypes).toEqual(['salesforce_id']);
  });

  it('ignores entries that are not objects or whose type is missing, empty or not a string, and keeps the event', () => {
    const event = {
      type: 'identify',
      userId: 'u1',
      context: {
        externalIds: [
          { id: 'a', type: '' },
          { id: 'b' },
          { id: 'c', type: 7 },
          { id: 'd', type: 'x'.repeat(101) },
          'user_id',
          null,
          ['user_id'],
        ],
      },
    };
    const parsed = parseEvent(event, Date.UTC(2024, 0, 1));
    expect(parsed.ok).toBe(true);
    const extraction = extractCandidates(settings, event as Event);
    expect(extraction.candidates.map((candidate) => candidate.identifier.key)).toEqual(['user_id']);
    expect(extraction.unrecognizedTypes).toEqual([]);
  });
});

describe('a "__proto__" key, which the event schema would drop unseen', () => {
  it('rejects the event with the path of the key, wherever the schema reads keys one by one', () => {
    const at = Date.UTC(2024, 0, 1);
    for (const [json, path] of [
      ['{"type":"identify","userId":"u1","traits":{"__proto__":"crm-1","plan":"gold"}}', 'traits.__proto__'],
      ['{"type":"track","userId":"u1","properties":{"__proto__":{}}}', 'properties.__proto__'],
      ['{"type":"track","userId":"u1","context":{"traits":{"__proto__":1}}}', 'context.traits.__proto__'],
      ['{"type":"track","userId":"u1","context":{"device":{"__proto__":1}}}', 'context.device.__proto__'],
      ['{"type":"track","userId":"u1","__proto__":{"type":"page"}}', '__proto__'],
    ] as const) {
      expect(parseEvent(JSON.parse(json), at), json).toEqual({
        ok: false,
        issues: [{ path, message: expect.stringMatching(/^A key named "__proto__" is not accepted/) }],
      });
    }
  });

  it('keeps the event when the key sits deeper, in a value kept as sent, or is only a value', () => {
    const at = Date.UTC(2024, 0, 1);
    const deeper = JSON.parse('{"type":"identify","userId":"u1","traits":{"address":{"__proto__":"x"}}}');
    const parsed = parseEvent(deeper, at);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && Object.hasOwn(parsed.event.traits?.address as object, '__proto__')).toBe(true);
    expect(parseEvent({ type: 'identify', userId: 'u1', traits: { note: '__proto__' } }, at).ok).toBe(true);
  });
});
