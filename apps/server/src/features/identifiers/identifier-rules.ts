import {
  type CreateIdentifierInput,
  displayNameLengthIssue,
  type Identifier,
  type Issue,
  identifierDefaults,
  isBuiltInIdentifierKey,
  sourceKeysIssue,
} from '@idr/contracts';
import { checkBlockedRegex } from '@idr/resolver';
import { foldDisplayName } from '../../store/identifiers.repository.ts';

/**
 * Builds a complete identifier from create/import input: fields left out take the defaults of
 * SPEC §2; the kind follows from the key (built-in keys are `default`, every other is `custom`).
 */
export function buildIdentifier(
  input: Omit<CreateIdentifierInput, 'sourceKeys' | 'priority'> & { sourceKeys?: string[] | undefined },
  priority: number,
  issues: Issue[],
  path = '',
): Identifier {
  const defaults = identifierDefaults(input.key);
  if (input.kind !== undefined && input.kind !== defaults.kind) {
    issues.push({
      path: `${path}kind`,
      message: isBuiltInIdentifierKey(input.key)
        ? `"${input.key}" is a built-in identifier, so its kind is "default"`
        : `Only the built-in identifiers of the spec are "default"; "${input.key}" is "custom"`,
    });
  }
  // The request schemas check these too; kept here so that no caller can store what GET could not return.
  const displayName = input.displayName ?? defaults.displayName;
  const displayNameIssue = displayNameLengthIssue(input.key, displayName);
  if (displayNameIssue !== null) issues.push({ path: `${path}displayName`, message: displayNameIssue });
  // An empty list means "the default": none for a built-in identifier, its own key for a custom one.
  const sourceKeys = input.sourceKeys && input.sourceKeys.length > 0 ? input.sourceKeys : defaults.sourceKeys;
  const sourceKeysProblem = sourceKeysIssue(defaults.kind, sourceKeys);
  if (sourceKeysProblem !== null) issues.push({ path: `${path}sourceKeys`, message: sourceKeysProblem });
  return {
    ...defaults,
    displayName,
    priority,
    limit: input.limit ?? defaults.limit,
    normalization: input.normalization ?? defaults.normalization,
    blockedValues: input.blockedValues ?? defaults.blockedValues,
    sourceKeys: defaults.kind === 'default' ? [] : sourceKeys,
  };
}

/** Issues with one identifier's blocked regular expressions (catastrophic backtracking). */
export function blockedValueIssues(identifier: Identifier, path = ''): Issue[] {
  const issues: Issue[] = [];
  identifier.blockedValues.forEach((blocked, index) => {
    if (blocked.match !== 'regex') return;
    const check = checkBlockedRegex(blocked.value);
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
