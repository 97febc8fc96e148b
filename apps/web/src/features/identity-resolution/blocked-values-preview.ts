import { type BlockedValue, cutToCharacters, exceedsCharacters } from '@idr/contracts';
import { blockedValueText } from '../../lib/settings-diff.ts';

/** How many blocked values a row of the priority order shows before "and N more". */
export const BLOCKED_VALUES_SHOWN = 3;
/** Longest blocked value a row shows whole, in characters; a longer one is cut with "…" (Edit rules shows it whole). */
export const BLOCKED_VALUE_SHOWN_LENGTH = 24;

/**
 * The first blocked values of an identifier as the rules form writes them (exact values quoted,
 * patterns between slashes), and how many more there are: enough for an admin to see at a glance
 * what is blocked without opening Edit rules.
 */
export function blockedValuesPreview(blockedValues: readonly BlockedValue[]): { texts: string[]; more: number } {
  const texts = blockedValues.slice(0, BLOCKED_VALUES_SHOWN).map((blocked) => {
    const value = exceedsCharacters(blocked.value, BLOCKED_VALUE_SHOWN_LENGTH)
      ? `${cutToCharacters(blocked.value, BLOCKED_VALUE_SHOWN_LENGTH - 1)}…`
      : blocked.value;
    return blockedValueText({ ...blocked, value });
  });
  return { texts, more: blockedValues.length - texts.length };
}
