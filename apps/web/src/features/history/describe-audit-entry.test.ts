import type { AuditEntry, Identifier } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { describeActor, describeAuditEntry } from './describe-audit-entry.ts';

const email: Identifier = {
  key: 'email',
  kind: 'default',
  displayName: 'email',
  priority: 2,
  limit: { count: 5, window: 'ever' },
  normalization: 'email',
  blockedValues: [{ value: '^[0-]*$', match: 'regex' }],
  sourceKeys: [],
};

function entry(action: string, before: unknown, after: unknown, target = 'x'): AuditEntry {
  return { id: '1', at: '2026-12-01T10:00:00.000Z', actor: 'anonymous', action, target, before, after };
}

describe('describeAuditEntry', () => {
  it('lists what an identifier edit changed', () => {
    const after: Identifier = {
      ...email,
      displayName: 'Email',
      limit: { count: 3, window: 'weekly' },
      blockedValues: [...email.blockedValues, { value: 'null', match: 'exact' }],
    };
    expect(describeAuditEntry(entry('identifier.update', email, after))).toEqual({
      title: 'Changed the identifier email',
      changes: ['Display name “email” → “Email”', 'Limit 5 ever → 3 per 7 days', 'Blocked values added: “null”'],
    });
  });

  it('names the blocked values added and removed, even when their number stays', () => {
    const after: Identifier = { ...email, blockedValues: [{ value: 'anonymous', match: 'exact' }] };
    expect(describeAuditEntry(entry('identifier.update', email, after)).changes).toEqual([
      'Blocked values added: “anonymous”',
      'Blocked values removed: /^[0-]*$/',
    ]);
  });

  it('describes additions, deletions and the priority order', () => {
    const phone: Identifier = { ...email, key: 'phone', kind: 'custom', normalization: 'phone', sourceKeys: ['phone'] };
    expect(describeAuditEntry(entry('identifier.create', null, { ...phone, priority: 3 }))).toEqual({
      title: 'Added the identifier phone',
      changes: ['Custom, priority 3', 'Limit 5 ever, normalization Phone number', 'Source keys phone'],
    });
    expect(describeAuditEntry(entry('identifier.delete', phone, null)).title).toBe('Deleted the identifier phone');
    expect(describeAuditEntry(entry('identifier.reorder', ['a', 'b'], ['b', 'a']))).toEqual({
      title: 'Changed the priority order',
      changes: ['Before: a, b', 'After: b, a'],
    });
  });

  it('describes the mapping, the space and an import', () => {
    expect(
      describeAuditEntry(entry('mappings.update', { phone: 'phone', email: 'email' }, { phone: null, email: 'email' })),
    ).toEqual({ title: 'Changed the address-type mapping', changes: ['Phone number: phone → none'] });
    expect(
      describeAuditEntry(
        entry('space.update', { name: 'Default', defaultCountry: 'US' }, { name: 'Default', defaultCountry: 'GB' }),
      ),
    ).toEqual({
      title: 'Changed the default country',
      changes: ['Default country United States (US) → United Kingdom (GB)'],
    });
    expect(
      describeAuditEntry(
        entry('space.update', { name: 'Default', defaultCountry: 'US' }, { name: 'Support', defaultCountry: 'US' }),
      ),
    ).toEqual({ title: 'Renamed the space', changes: ['Name “Default” → “Support”'] });
    expect(
      describeAuditEntry(
        entry('space.update', { name: 'Default', defaultCountry: 'US' }, { name: 'EU', defaultCountry: 'DE' }),
      ),
    ).toMatchObject({
      title: 'Changed the space',
      changes: ['Name “Default” → “EU”', 'Default country United States (US) → Germany (DE)'],
    });
    expect(
      describeAuditEntry(
        entry('space.create', null, {
          space: { id: 'eu', name: 'EU', defaultCountry: 'DE', createdAt: '', updatedAt: '' },
          source: { copyFrom: 'default' },
          identifiers: [],
          mappings: { phone: null, email: null },
        }),
      ),
    ).toEqual({
      title: 'Created the space “EU”',
      changes: ['Copied from the space with the id “default”', 'Default country Germany (DE)'],
    });
    expect(
      describeAuditEntry(
        entry('settings.import', null, {
          defaultCountry: 'US',
          identifiers: [email],
          mappings: { phone: null, email: 'email' },
        }),
      ),
    ).toEqual({
      title: 'Imported the settings',
      changes: ['Identifiers: email', 'Phone number: none; Email address: email', 'Default country United States (US)'],
    });
  });

  it('describes an import against the settings it replaced', () => {
    const userId: Identifier = { ...email, key: 'user_id', displayName: 'user_id', priority: 1 };
    const phone: Identifier = { ...email, key: 'phone', displayName: 'phone', priority: 3 };
    const before = {
      defaultCountry: 'US',
      identifiers: [userId, email, phone],
      mappings: { phone: 'phone', email: 'email' },
    };
    const after = {
      defaultCountry: 'GB',
      identifiers: [
        { ...email, priority: 1 },
        { ...userId, displayName: 'Customer', priority: 2 },
      ],
      mappings: { phone: null, email: 'email' },
    };
    expect(describeAuditEntry(entry('settings.import', before, after)).changes).toEqual([
      'Identifiers removed: phone',
      'user_id: display name “user_id” → “Customer”',
      'Priority order: email, user_id',
      'Phone number: phone → none',
      'Default country United States (US) → United Kingdom (GB)',
    ]);
    expect(describeAuditEntry(entry('settings.import', before, before)).changes).toEqual(['Nothing changed']);
  });

  it('keeps the action and target of an entry it cannot read', () => {
    expect(describeAuditEntry(entry('identifier.update', 'garbled', null, 'identifier:email'))).toEqual({
      title: 'identifier.update on identifier:email',
      changes: [],
    });
    expect(describeAuditEntry(entry('webhook.create', null, {}, 'webhook:1')).title).toBe(
      'webhook.create on webhook:1',
    );
  });
});

describe('describeActor', () => {
  it('says in words who made a change while sign-in is not set up', () => {
    expect(describeActor('anonymous')).toBe('Not signed in (console or API)');
    expect(describeActor('system')).toBe('The server (first start)');
    expect(describeActor('jane')).toBe('jane');
  });
});
