import { type Identifier, identifierDefaults } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { fieldChangesText, joinChanges, mappingChanges } from './settings-diff.ts';

function identifier(key: string, changes: Partial<Identifier> = {}): Identifier {
  return { ...identifierDefaults(key), priority: 2, ...changes };
}

describe('fieldChangesText (what another admin changed, for a conflict alert)', () => {
  const before = identifier('email');

  it('names only the changes to the fields the form edits', () => {
    const after = identifier('email', { displayName: 'Support email', limit: { count: 3, window: 'daily' } });
    expect(fieldChangesText(before, after, ['displayName'])).toBe('Display name “email” → “Support email”');
    expect(fieldChangesText(before, after, ['limit', 'normalization', 'blockedValues', 'sourceKeys'])).toBe(
      'Limit 5 ever → 3 per day',
    );
  });

  it('joins several changes in one line, and is null when the edited fields are as they were', () => {
    const after = identifier('email', {
      normalization: 'trim',
      blockedValues: [...before.blockedValues, { value: 'test@example.com', match: 'exact' }],
      priority: 1,
    });
    expect(fieldChangesText(before, after, ['limit', 'normalization', 'blockedValues'])).toBe(
      'Normalization Email → Trim; Blocked values added: “test@example.com”',
    );
    // A new priority is not what the rules form edits.
    expect(fieldChangesText(before, { ...before, priority: 1 }, ['limit', 'normalization'])).toBeNull();
  });
});

describe('joinChanges', () => {
  it('is null for no change, else the lines joined', () => {
    expect(joinChanges([])).toBeNull();
    expect(joinChanges(mappingChanges({ phone: 'phone', email: 'email' }, { phone: null, email: 'email' }))).toBe(
      'Phone number: phone → none',
    );
    expect(joinChanges(['a', 'b'])).toBe('a; b');
  });
});
