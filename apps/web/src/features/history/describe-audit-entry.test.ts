import type { AuditEntry, Identifier } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './describe-audit-entry.ts';

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
      changes: ['Display name “email” → “Email”', 'Limit 5 (ever) → 3 per 7 days', 'Blocked values 1 value → 2 values'],
    });
  });

  it('describes additions, deletions and the priority order', () => {
    const phone: Identifier = { ...email, key: 'phone', kind: 'custom', normalization: 'phone', sourceKeys: ['phone'] };
    expect(describeAuditEntry(entry('identifier.create', null, { ...phone, priority: 3 }))).toEqual({
      title: 'Added the identifier phone',
      changes: ['Custom, priority 3', 'Limit 5 (ever), normalization Phone number'],
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
    ).toEqual({ title: 'Changed the space', changes: ['Default country US → GB'] });
    expect(
      describeAuditEntry(
        entry('space.create', null, {
          space: { id: 'eu', name: 'EU', defaultCountry: 'DE', createdAt: '', updatedAt: '' },
          source: { copyFrom: 'default' },
          identifiers: [],
          mappings: { phone: null, email: null },
        }),
      ),
    ).toEqual({ title: 'Created the space “EU”', changes: ['A copy of the space default', 'Default country DE'] });
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
      changes: ['Identifiers: email', 'Phone number: none; Email address: email', 'Default country US'],
    });
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
