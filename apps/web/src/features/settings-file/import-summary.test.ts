import { type Identifier, identifierDefaults } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { diffSettings, isEmptyDiff, type SettingsState } from '../../lib/settings-diff.ts';
import { summarizeImport, summaryText } from './import-summary.ts';

function identifier(key: string, priority: number, changes: Partial<Identifier> = {}): Identifier {
  return { ...identifierDefaults(key), priority, ...changes };
}

const CURRENT: SettingsState = {
  defaultCountry: 'US',
  identifiers: [
    identifier('user_id', 1),
    identifier('email', 2),
    identifier('phone', 3),
    identifier('anonymous_id', 4),
  ],
  mappings: { phone: 'phone', email: 'email' },
};

describe('summarizeImport', () => {
  it('says nothing would change for the same settings', () => {
    expect(summarizeImport(CURRENT, CURRENT)).toEqual([]);
    expect(summaryText([])).toEqual(['Nothing would change']);
    // Blocked values in another order block the same values.
    const reordered = {
      ...CURRENT,
      identifiers: CURRENT.identifiers.map((item) => ({ ...item, blockedValues: [...item.blockedValues].reverse() })),
    };
    expect(summarizeImport(CURRENT, reordered)).toEqual([]);
  });

  it('lists identifiers added, removed and changed field by field, the mapping and the country', () => {
    const imported: SettingsState = {
      defaultCountry: 'GB',
      identifiers: [
        identifier('email', 1, { displayName: 'Email', limit: { count: 3, window: 'weekly' } }),
        identifier('user_id', 2),
        identifier('loyalty_id', 3, { sourceKeys: ['loyalty', 'loyaltyNumber'] }),
        identifier('phone', 4, {
          normalization: 'trim',
          blockedValues: [{ value: '000', match: 'exact' }],
          sourceKeys: ['phone', 'mobile'],
        }),
      ],
      mappings: { phone: null, email: 'email' },
    };
    expect(summaryText(summarizeImport(CURRENT, imported))).toEqual([
      'Adds 1 identifier: loyalty_id',
      'Removes 1 identifier: anonymous_id',
      'Changes email',
      '  Display name “email” → “Email”',
      '  Priority 2 → 1',
      '  Limit 5 ever → 3 per 7 days',
      'Changes user_id',
      '  Priority 1 → 2',
      'Changes phone',
      '  Priority 3 → 4',
      '  Normalization Phone number → Trim',
      '  Blocked values added: “000”',
      '  Blocked values removed: /^[0-]*$/, “-1”, “null”, “anonymous”',
      '  Source keys phone → phone, mobile',
      'Changes the address-type mapping',
      '  Phone number: phone → none',
      'Changes the default country: United States (US) → United Kingdom (GB)',
    ]);
  });

  it('counts several identifiers added or removed', () => {
    const emptied: SettingsState = { defaultCountry: 'US', identifiers: [], mappings: { phone: null, email: null } };
    expect(summaryText(summarizeImport(CURRENT, emptied)).slice(0, 1)).toEqual([
      'Removes 4 identifiers: user_id, email, phone, anonymous_id',
    ]);
    expect(summaryText(summarizeImport(emptied, CURRENT))[0]).toBe(
      'Adds 4 identifiers: user_id, email, phone, anonymous_id',
    );
  });

  it('compares identifiers by priority whatever order they are listed in', () => {
    const shuffled = { ...CURRENT, identifiers: [...CURRENT.identifiers].reverse() };
    expect(summarizeImport(CURRENT, shuffled)).toEqual([]);
  });
});

describe('diffSettings', () => {
  it('tells a new relative order from priorities that only moved with an identifier removed', () => {
    const withoutUserId = {
      ...CURRENT,
      identifiers: CURRENT.identifiers.slice(1).map((item, index) => ({ ...item, priority: index + 1 })),
    };
    const shifted = diffSettings(CURRENT, withoutUserId);
    expect(shifted.orderChanged).toBe(false);
    expect(shifted.changed.map((entry) => entry.changes.map((change) => change.field))).toEqual([
      ['priority'],
      ['priority'],
      ['priority'],
    ]);
    const swapped = diffSettings(CURRENT, {
      ...CURRENT,
      identifiers: [identifier('email', 1), identifier('user_id', 2), ...CURRENT.identifiers.slice(2)],
    });
    expect(swapped.orderChanged).toBe(true);
    expect(isEmptyDiff(diffSettings(CURRENT, CURRENT))).toBe(true);
  });
});
