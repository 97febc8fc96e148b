import type { Identifier, TraceStep } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { normalizationMismatch } from '../../lib/lookup-warnings.ts';
import {
  blockedValueExplanation,
  DROP_REASON_TEXT,
  demotionCauses,
  demotionExplanation,
  dropReasonText,
  EMPTY_LOOKUP_FORM,
  EXAMPLE_EVENT,
  emptyLookupText,
  findBlockedValue,
  LookupFormSchema,
  lookupFieldOfIssue,
  mismatchExplanation,
  parseEventJson,
  profileNotFoundMessage,
  sortByPriority,
  toLookupSearch,
} from './lookup-preview.ts';

const form = EMPTY_LOOKUP_FORM;

describe('the lookup form', () => {
  it('asks for the address of the chosen type, or an identifier and a value', () => {
    const phone = LookupFormSchema.safeParse({ ...form, address: '  ' });
    expect(phone.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['address', 'Enter a phone number'],
    ]);
    const email = LookupFormSchema.safeParse({ ...form, searchBy: 'email' });
    expect(email.error?.issues[0]?.message).toBe('Enter an email address');
    const identifier = LookupFormSchema.safeParse({ ...form, searchBy: 'identifier' });
    expect(identifier.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['identifier', 'value']);
  });

  it('asks for a profile id; one only blank is empty', () => {
    const empty = LookupFormSchema.safeParse({ ...form, searchBy: 'profileId', profileId: ' \n ', address: '' });
    expect(empty.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['profileId', 'Enter a profile ID'],
    ]);
    // The other modes' empty fields do not count against it.
    expect(LookupFormSchema.safeParse({ ...form, searchBy: 'profileId', profileId: 'p_1' }).success).toBe(true);
  });

  it('says at once that no profile has the id `.` or `..`, which a URL cannot carry', () => {
    for (const profileId of ['.', ' .. ']) {
      const result = LookupFormSchema.safeParse({ ...form, searchBy: 'profileId', profileId });
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
        ['profileId', profileNotFoundMessage(profileId.trim())],
      ]);
    }
    expect(LookupFormSchema.safeParse({ ...form, searchBy: 'profileId', profileId: '...' }).success).toBe(true);
  });

  it('builds the address or identifier body; only an address lookup may create', () => {
    expect(toLookupSearch({ ...form, address: '(415) 555-0100' })).toEqual({
      kind: 'lookup',
      request: { addressType: 'phone', address: '(415) 555-0100' },
    });
    expect(toLookupSearch({ ...form, searchBy: 'email', address: 'a@b.io', createIfNotFound: true })).toEqual({
      kind: 'lookup',
      request: { addressType: 'email', address: 'a@b.io', createIfNotFound: true },
    });
    expect(
      toLookupSearch({ ...form, searchBy: 'identifier', identifier: 'user_id', value: 'u1', createIfNotFound: true }),
    ).toEqual({ kind: 'lookup', request: { identifier: 'user_id', value: 'u1' } });
  });

  it('reads a profile by its id, trimmed, and never creates', () => {
    expect(
      toLookupSearch({
        ...form,
        searchBy: 'profileId',
        profileId: '  3f0c-9a \n',
        address: '+1',
        createIfNotFound: true,
      }),
    ).toEqual({ kind: 'profile', profileId: '3f0c-9a' });
  });

  it('says which id no profile has, quoting it', () => {
    expect(profileNotFoundMessage('p_123')).toBe('No profile has the id “p_123” in this space.');
  });

  it('maps server issue paths onto fields', () => {
    expect(lookupFieldOfIssue('address')).toBe('address');
    expect(lookupFieldOfIssue('body.addressType')).toBe('address');
    expect(lookupFieldOfIssue('value')).toBe('value');
    expect(lookupFieldOfIssue('identifier')).toBe('identifier');
    expect(lookupFieldOfIssue('')).toBeNull();
  });
});

describe('the normalization mismatch of an address type (SPEC §4)', () => {
  const phone = { key: 'phone', displayName: 'Phone', normalization: 'phone' as const };
  const email = { key: 'email', displayName: 'email', normalization: 'email' as const };
  const userId = { key: 'user_id', displayName: 'user_id', normalization: 'trim' as const };

  it('finds none when the normalization fits the address type, or nothing is mapped', () => {
    expect(normalizationMismatch('phone', phone)).toBeNull();
    expect(normalizationMismatch('email', email)).toBeNull();
    expect(normalizationMismatch('phone', undefined)).toBeNull();
  });

  it('finds one for any other normalization, and says why lookups will not match', () => {
    const mismatch = normalizationMismatch('phone', userId);
    expect(mismatch).toEqual({ addressType: 'phone', identifier: userId, expected: 'phone' });
    expect(mismatch && mismatchExplanation(mismatch)).toBe(
      'user_id uses “trim” normalization, not “phone”: the address is only trimmed, while phone numbers on profiles are in E.164 form, such as +14155550100, so lookups will not match them.',
    );
    const raw = normalizationMismatch('email', { key: 'login', displayName: 'Login', normalization: 'none' });
    expect(raw && mismatchExplanation(raw)).toBe(
      'Login (login) uses “none” normalization, not “email”: the address is searched exactly as typed, while email addresses on profiles are trimmed and lower-cased, such as jane@example.com, so lookups will not match them.',
    );
    expect(normalizationMismatch('email', phone)?.expected).toBe('email');
    expect(normalizationMismatch('phone', email)?.expected).toBe('phone');
  });
});

describe('drop reasons', () => {
  it('say a demoted value is not stored by the event, whichever limit failed', () => {
    for (const reason of ['limit', 'merge_limit', 'mapping_limit'] as const) {
      expect(DROP_REASON_TEXT[reason].label).toMatch(/^Demoted: /);
      expect(DROP_REASON_TEXT[reason].explanation).toContain('This event does not store it on any profile');
      expect(DROP_REASON_TEXT[reason].explanation).not.toContain('stays where it is');
    }
    expect(DROP_REASON_TEXT.limit.explanation).toContain('exceed an identifier limit (this identifier’s or another’s)');
  });

  it('pair each demotion of a dry run with the check that caused it, in the trace’s words', () => {
    const step = (kind: TraceStep['kind'], message: string) => ({ attempt: 1, kind, message });
    const causes = demotionCauses({
      droppedIdentifiers: [
        { key: 'email', value: 'bad', reason: 'invalid' },
        { key: 'anonymous_id', value: 'a1', reason: 'limit' },
        { key: 'email', value: 'j@x.y', reason: 'merge_limit' },
      ],
      trace: [
        step('dropped', 'Dropped email "bad": not an email address.'),
        step(
          'check_failed',
          'Check failed: the profile would hold 2 user_id values: "u1" (already held) and "u2" (from this event). Its limit is 1.',
        ),
        step('demoted', 'Demoted anonymous_id "a1", the lowest-priority candidate (reason limit); 2 candidates left.'),
        step('check_failed', 'Check failed: the surviving profile would count 101 merged profiles (limit 100).'),
        step('demoted', 'Demoted email "j@x.y", the lowest-priority candidate (reason merge_limit); 1 candidate left.'),
      ],
    });
    expect([...causes]).toEqual([
      [1, 'The profile would hold 2 user_id values: "u1" (already held) and "u2" (from this event). Its limit is 1.'],
      [2, 'The surviving profile would count 101 merged profiles (limit 100).'],
    ]);
    expect(demotionExplanation(causes.get(1)!)).toMatch(
      /^The profile would hold 2 user_id values: .* This value, of the lowest-priority identifier left, was demoted\. This event does not store it/,
    );
    // No trace (a real ingest): the general words stay.
    expect(demotionCauses({ droppedIdentifiers: [{ key: 'email', value: 'j@x.y', reason: 'limit' }] }).size).toBe(0);
  });

  it('say what an invalid value failed to be, when its identifier is known', () => {
    expect(dropReasonText('invalid', 'email').label).toBe('Not an email address');
    expect(dropReasonText('invalid', 'phone').label).toBe('Not a readable phone number');
    expect(dropReasonText('invalid', 'phone').explanation).toContain('default country');
    // Trim, none, or an identifier the settings no longer hold: the general words.
    expect(dropReasonText('invalid', 'trim')).toBe(DROP_REASON_TEXT.invalid);
    expect(dropReasonText('invalid', undefined)).toBe(DROP_REASON_TEXT.invalid);
    expect(dropReasonText('blocked', 'email')).toBe(DROP_REASON_TEXT.blocked);
  });
});

describe('reading the dry-run event', () => {
  it('accepts one JSON object, and the example is one', () => {
    expect(parseEventJson(EXAMPLE_EVENT)).toMatchObject({ ok: true, event: { type: 'identify' } });
  });

  it.each([
    ['{\n  "type": "identify",\n  "userId": \n}', 'expected a value, found “}” at line 4, column 1'],
    ['{"type": "identify",}', 'a trailing comma is not allowed in JSON) at line 1, column 21'],
    ["{'type': 'identify'}", "found “'” at line 1, column 2"],
    ['{"type": "identify"', 'found the end of the file at line 1, column 20'],
    ['{"type": "identify"} x', 'found “x” at line 1, column 22'],
    ['{"a": "\\x"}', 'at line 1, column 8'],
  ])('says where %j goes wrong', (text, expected) => {
    const parsed = parseEventJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(expected);
  });

  it('refuses JSON that is not one object, and empty text', () => {
    expect(parseEventJson('[{"type":"identify"}]')).toMatchObject({ ok: false, message: /one JSON object/ });
    expect(parseEventJson('null')).toMatchObject({ ok: false });
    expect(parseEventJson('  ')).toMatchObject({ ok: false, message: /Enter an event/ });
  });
});

describe('sortByPriority', () => {
  it('lists values by identifier priority, unknown keys last, oldest first within a key', () => {
    const at = (minute: number) => `2026-01-01T00:0${minute}:00.000Z`;
    const values = [
      { key: 'phone', displayName: 'Phone', value: '+1', firstSeenAt: at(1) },
      { key: 'legacy', displayName: 'legacy', value: 'x', firstSeenAt: at(0) },
      { key: 'email', displayName: 'Email', value: 'b@x.io', firstSeenAt: at(3) },
      { key: 'email', displayName: 'Email', value: 'a@x.io', firstSeenAt: at(2) },
    ];
    const sorted = sortByPriority(
      values,
      new Map([
        ['email', 2],
        ['phone', 3],
      ]),
    );
    expect(sorted.map((value) => value.value)).toEqual(['a@x.io', 'b@x.io', '+1', 'x']);
  });
});

describe('findBlockedValue', () => {
  const identifier: Pick<Identifier, 'blockedValues'> = {
    blockedValues: [
      { value: '^[0-]*$', match: 'regex' },
      { value: 'anonymous', match: 'exact' },
    ],
  };

  it('matches exact values ignoring case, and regexes as written without anchors of their own', () => {
    expect(findBlockedValue(identifier, 'anonymous')).toEqual({ value: 'anonymous', match: 'exact' });
    expect(findBlockedValue(identifier, 'ANONYMOUS')).toEqual({ value: 'anonymous', match: 'exact' });
    expect(findBlockedValue(identifier, '000-0')).toEqual({ value: '^[0-]*$', match: 'regex' });
    expect(findBlockedValue(identifier, 'anonymous2')).toBeNull();
    expect(findBlockedValue(identifier, 'u_10042')).toBeNull();
  });

  it('tests no value longer than the server keeps, and knows nothing of an identifier not loaded', () => {
    expect(findBlockedValue({ blockedValues: [{ value: 'a', match: 'regex' }] }, 'a'.repeat(256))).toBeNull();
    expect(findBlockedValue({ blockedValues: [{ value: 'a', match: 'regex' }] }, 'a'.repeat(255))).not.toBeNull();
    expect(findBlockedValue(undefined, 'anonymous')).toBeNull();
  });
});

describe('emptyLookupText', () => {
  const base = { key: 'user_id', normalizedValue: 'u_1', blocked: false, mismatch: false } as const;

  it('offers “Create the profile if none is found” only where the checkbox is: lookups by address', () => {
    expect(emptyLookupText({ ...base, searchBy: 'email' }).join(' ')).toMatch(
      /Check “Create the profile if none is found”/,
    );
    expect(emptyLookupText({ ...base, searchBy: 'identifier' })).toEqual([
      'An agent searching for this value would find no customer profile.',
    ]);
  });

  it('says when the value is blocked, in both modes, instead of suggesting to create it', () => {
    const blocked = { ...base, normalizedValue: 'anonymous', blocked: true };
    const explanation =
      '“anonymous” is a blocked user_id value: events never add it to a profile, so only a profile that took it before it was blocked could hold it.';
    expect(blockedValueExplanation('user_id', 'anonymous')).toBe(explanation);
    expect(emptyLookupText({ ...blocked, searchBy: 'identifier' })[1]).toBe(explanation);
    expect(emptyLookupText({ ...blocked, searchBy: 'phone' })).toEqual([
      'An agent receiving this contact would see no customer profile.',
      explanation,
    ]);
  });

  it('asks to fix a mismatched mapping before creating profiles from lookups', () => {
    expect(emptyLookupText({ ...base, searchBy: 'phone', mismatch: true })[1]).toBe(
      'Fix the mapping above before creating profiles from lookups.',
    );
  });
});
