import { foldCase } from '@idr/contracts';
import type { CompiledIdentifier } from './settings.ts';

/** Which blocked value caught a value, for the trace. */
export interface BlockedMatch {
  match: 'exact' | 'regex';
  pattern: string;
}

/** Whether a normalized value is blocked for an identifier: exact case-insensitively, or by regex as written (SPEC §6). */
export function findBlockedMatch(identifier: CompiledIdentifier, value: string): BlockedMatch | null {
  if (!identifier.hasBlocked) return null;
  // Folding never shortens a string (it can lengthen one: "ß", "İ"), so a value longer than every
  // folded exact blocked value cannot match one.
  if (value.length <= identifier.blockedExactMaxLength) {
    const folded = foldCase(value);
    if (identifier.blockedExact.has(folded)) return { match: 'exact', pattern: folded };
  }
  for (const regex of identifier.blockedRegexes) {
    if (regex.test(value)) return { match: 'regex', pattern: regex.source };
  }
  return null;
}
