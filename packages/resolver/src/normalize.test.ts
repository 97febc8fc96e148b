import { COUNTRIES_WITHOUT_NUMBERING_PLAN, COUNTRY_CODES, hasNumberingPlan, type Normalization } from '@idr/contracts';
import fc from 'fast-check';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { forgetPhoneNumbers, normalizeIdentifierValue, phoneParseCount } from './normalize.ts';

describe('normalization (SPEC §6)', () => {
  it.each<[Normalization, string, string, string]>([
    ['email', '  Jane@Example.COM ', 'US', 'jane@example.com'],
    ['email', 'jane@example.com', 'US', 'jane@example.com'],
    ['phone', '+1 415 555 0100', 'US', '+14155550100'],
    ['phone', '(415) 555-0100', 'US', '+14155550100'],
    ['phone', 'tel:+1-415-555-0100', 'US', '+14155550100'],
    ['phone', 'sms:(415) 555-0100', 'US', '+14155550100'],
    ['phone', 'whatsapp:+442079460958', 'US', '+442079460958'],
    ['phone', 'TEL: +1 415 555 0100', 'US', '+14155550100'],
    ['phone', '020 7946 0958', 'GB', '+442079460958'],
    ['phone', ' 06 12 34 56 78 ', 'FR', '+33612345678'],
    ['trim', '  abc  ', 'US', 'abc'],
    ['none', '  abc  ', 'US', '  abc  '],
  ])('%s normalizes %j (country %s) to %j', (normalization, raw, country, expected) => {
    expect(normalizeIdentifierValue(normalization, raw, country)).toEqual({ kind: 'value', value: expected });
  });

  it.each<[Normalization, string]>([
    ['email', 'not-an-email'],
    ['email', 'jane doe@example.com'],
    ['email', 'a@b@c'],
    ['email', '@example.com'],
    ['phone', '12345'],
    ['phone', '+1 555 555 0100'],
    ['phone', 'call me'],
    ['trim', 'x'.repeat(256)],
    ['none', 'y'.repeat(256)],
    ['email', `${'a'.repeat(250)}@example.com`],
  ])('%s refuses %j as invalid', (normalization, raw) => {
    expect(normalizeIdentifierValue(normalization, raw, 'US')).toEqual({ kind: 'invalid' });
  });

  it.each<[Normalization, string]>([
    ['email', '   '],
    ['phone', ' tel: '],
    ['trim', ' \t '],
    ['none', ''],
  ])('%s ignores %j as empty', (normalization, raw) => {
    expect(normalizeIdentifierValue(normalization, raw, 'US')).toEqual({ kind: 'empty' });
  });

  it('keeps a value of exactly 255 characters', () => {
    expect(normalizeIdentifierValue('trim', 'z'.repeat(255), 'US')).toEqual({ kind: 'value', value: 'z'.repeat(255) });
  });

  const phoneLike = fc.oneof(
    fc.stringMatching(/^(tel:|sms:|whatsapp:)?\+?[0-9 ()-]{4,20}$/),
    fc.constantFrom('+1 415 555 0100', '(212) 555-0199', '+44 20 7946 0958', '+33 6 12 34 56 78'),
  );
  const emailLike = fc.oneof(fc.emailAddress(), fc.string(), fc.constantFrom(' A@B.C ', 'x@y'));

  it.each<[Normalization, fc.Arbitrary<string>]>([
    ['email', emailLike],
    ['phone', phoneLike],
    ['trim', fc.string()],
    ['none', fc.string()],
  ])('%s is idempotent', (normalization, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, fc.constantFrom('US', 'GB', 'FR', 'DE'), (raw, country) => {
        const once = normalizeIdentifierValue(normalization, raw, country);
        if (once.kind !== 'value') return;
        expect(normalizeIdentifierValue(normalization, once.value, country)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same phone results after the memo of parsed numbers is forgotten', () => {
    const first = normalizeIdentifierValue('phone', 'tel:(415) 555-0123', 'US');
    forgetPhoneNumbers();
    expect(normalizeIdentifierValue('phone', 'tel:(415) 555-0123', 'US')).toEqual(first);
    expect(first).toEqual({ kind: 'value', value: '+14155550123' });
  });

  it('parses each text once per default country; repeats and empty texts come from the memo', () => {
    forgetPhoneNumbers();
    expect(phoneParseCount()).toBe(0);
    for (const raw of ['(415) 555-0123', '(415) 555-0123', ' tel: ', 'not a number', 'not a number'])
      normalizeIdentifierValue('phone', raw, 'US');
    expect(phoneParseCount()).toBe(2);
    normalizeIdentifierValue('phone', '(415) 555-0123', 'GB');
    expect(phoneParseCount()).toBe(3);
    forgetPhoneNumbers();
    expect(phoneParseCount()).toBe(0);
  });

  it.each([
    ['+49 15123', 'too short for a German mobile number'],
    ['+1 345 555 0000', 'a Cayman Islands number outside the national patterns'],
    ['+55 11 0000 0000', 'a São Paulo number outside the national patterns'],
    ['(555) 123-4567', 'a US number with the area code 555'],
    ['Call +1 415 555 0100 now', 'a number inside other text'],
    ['abc4155550100xyz', 'digits wrapped in letters'],
    ['mailto:4155550100', 'another scheme than tel:, sms: or whatsapp:'],
  ])('refuses %s as a phone number (%s)', (raw) => {
    expect(normalizeIdentifierValue('phone', raw, 'US')).toEqual({ kind: 'invalid' });
  });

  it('knows which countries have no numbering plan, as the phone library does', () => {
    expect(COUNTRY_CODES.filter((code) => !isSupportedCountry(code))).toEqual(COUNTRIES_WITHOUT_NUMBERING_PLAN);
    expect(COUNTRY_CODES.filter((code) => !hasNumberingPlan(code))).toEqual(COUNTRIES_WITHOUT_NUMBERING_PLAN);
  });

  it('with a default country that has no numbering plan, reads only numbers written with a country code', () => {
    for (const country of COUNTRIES_WITHOUT_NUMBERING_PLAN) {
      expect(normalizeIdentifierValue('phone', '(415) 555-0100', country)).toEqual({ kind: 'invalid' });
      expect(normalizeIdentifierValue('phone', '+1 415 555 0100', country)).toEqual({
        kind: 'value',
        value: '+14155550100',
      });
    }
  });
});
