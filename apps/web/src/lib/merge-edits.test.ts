import { describe, expect, it } from 'vitest';
import { mergeEdits } from './merge-edits.ts';

describe('mergeEdits (Keep my changes after a 412)', () => {
  const base = { phone: 'phone', email: 'email' };

  it('keeps the fields the admin changed and takes the latest for the others', () => {
    // The admin unmapped phone; someone else unmapped email: both changes survive.
    expect(mergeEdits(base, { phone: '', email: 'email' }, { phone: 'phone', email: '' })).toEqual({
      values: { phone: '', email: '' },
      overwritten: [],
    });
  });

  it('lists a field both changed to different values as overwritten by the admin’s', () => {
    expect(mergeEdits(base, { phone: 'mobile', email: 'email' }, { phone: 'work_phone', email: 'email' })).toEqual({
      values: { phone: 'mobile', email: 'email' },
      overwritten: ['phone'],
    });
    // The same value on both sides overwrites nothing.
    expect(
      mergeEdits(base, { phone: 'mobile', email: 'email' }, { phone: 'mobile', email: 'email' }).overwritten,
    ).toEqual([]);
  });

  it('treats an object or a list as one field, compared by value', () => {
    const rules = { limit: { count: 5, window: 'ever' }, blockedValues: [{ value: 'x', match: 'exact' }] };
    const mine = { ...rules, limit: { count: 8, window: 'ever' } };
    const theirs = { limit: { count: 5, window: 'weekly' }, blockedValues: [] };
    expect(mergeEdits(rules, mine, theirs)).toEqual({
      values: { limit: { count: 8, window: 'ever' }, blockedValues: [] },
      overwritten: ['limit'],
    });
  });
});
