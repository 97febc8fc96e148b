import { type BlockedValue, type Identifier, type Issue, SUGGESTED_BLOCKED_VALUES } from '@idr/contracts';
import { foldDisplayName } from '../../store/identifiers.repository.ts';
import type { BlockedRegexVerdicts } from './blocked-regex-checker.ts';

/** The regex patterns among blocked values, for `BlockedRegexChecker.judge`. */
export function regexPatternsOf(blockedValues: readonly BlockedValue[] | undefined): string[] {
  return (blockedValues ?? []).filter((blocked) => blocked.match === 'regex').map((blocked) => blocked.value);
}

/**
 * The regex patterns a write may store: those it names, and the suggested ones an identifier
 * created without blocked values takes. All are judged before the write (in the checker's worker
 * thread), so that this thread never runs recheck, nor even loads it.
 */
export function patternsToJudge(named: Iterable<string>): string[] {
  // The suggested ones first: judged once per process, then remembered, they never meet the budget.
  return [...regexPatternsOf(SUGGESTED_BLOCKED_VALUES), ...named];
}

/**
 * Issues with one identifier's blocked regular expressions (catastrophic backtracking), from the
 * verdicts judged before the write (`patternsToJudge`).
 */
export function blockedValueIssues(identifier: Identifier, verdicts: BlockedRegexVerdicts, path = ''): Issue[] {
  const issues: Issue[] = [];
  identifier.blockedValues.forEach((blocked, index) => {
    if (blocked.match !== 'regex') return;
    const check = verdicts.get(blocked.value);
    // A pattern the write did not have judged: a bug in the caller, never a verdict to guess.
    if (!check) throw new Error(`The blocked regex ${JSON.stringify(blocked.value)} was not judged before the write`);
    if (!check.ok) issues.push({ path: `${path}blockedValues.${index}.value`, message: check.reason });
  });
  return issues;
}

/** Issues with display names that clash case-insensitively inside a set of identifiers. */
export function displayNameClashIssues(identifiers: Identifier[], pathOf: (index: number) => string): Issue[] {
  const issues: Issue[] = [];
  const firstByName = new Map<string, Identifier>();
  identifiers.forEach((identifier, index) => {
    const folded = foldDisplayName(identifier.displayName);
    const first = firstByName.get(folded);
    if (first) {
      issues.push({
        path: `${pathOf(index)}displayName`,
        message: displayNameTakenMessage(identifier.displayName, first),
      });
    } else firstByName.set(folded, identifier);
  });
  return issues;
}

/** The identifier other than `exceptKey` whose display name equals `name` ignoring case, if any. */
export function findDisplayNameOwner(
  identifiers: Identifier[],
  name: string,
  exceptKey: string,
): Identifier | undefined {
  const folded = foldDisplayName(name);
  return identifiers.find(
    (identifier) => identifier.key !== exceptKey && foldDisplayName(identifier.displayName) === folded,
  );
}

/** The message for a display name another identifier already uses. */
export function displayNameTakenMessage(name: string, owner: Identifier): string {
  return `"${name}" is already the display name of "${owner.key}" (names are compared ignoring case)`;
}
