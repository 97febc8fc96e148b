import { SUGGESTED_BLOCKED_VALUES } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { blockedValuesPreview } from './blocked-values-preview.ts';

describe('blockedValuesPreview', () => {
  it('shows the first three values as the rules form writes them, and counts the rest', () => {
    expect(blockedValuesPreview(SUGGESTED_BLOCKED_VALUES)).toEqual({
      texts: ['/^[0-]*$/', '“-1”', '“null”'],
      more: 1,
    });
  });

  it('shows every value when there are three or fewer, and nothing when there are none', () => {
    expect(blockedValuesPreview([{ value: 'test', match: 'exact' }])).toEqual({ texts: ['“test”'], more: 0 });
    expect(blockedValuesPreview([])).toEqual({ texts: [], more: 0 });
  });

  it('cuts a long value at 24 characters with an ellipsis, never inside a surrogate pair', () => {
    const long = `${'a'.repeat(22)}\u{1F600}\u{1F600}tail`;
    const { texts } = blockedValuesPreview([{ value: long, match: 'exact' }]);
    expect(texts).toEqual([`“${'a'.repeat(22)}\u{1F600}…”`]);
    const exactly = 'b'.repeat(24);
    expect(blockedValuesPreview([{ value: exactly, match: 'regex' }]).texts).toEqual([`/${exactly}/`]);
  });
});
