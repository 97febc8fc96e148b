import type { Issue } from './errors.ts';
import {
  type CreateIdentifierInput,
  displayNameLengthIssue,
  type Identifier,
  IdentifierKeySchema,
  identifierDefaults,
  isBuiltInIdentifierKey,
  sourceKeysIssue,
} from './identifiers.ts';
import type { AddressTypeMappings } from './mappings.ts';
import {
  MAX_IDENTIFIERS_PER_SPACE,
  type SettingsIdentifierInput,
  SettingsIdentifierInputSchema,
  type SettingsImport,
} from './settings.ts';

// The pure half of creating identifiers and importing a settings document (SPEC §2, §9): the
// server stores what these build, and the console shows an import's summary from the same result.
// What needs the server (display-name clashes with the stored names, the ReDoS check) is not here.

/**
 * Builds a complete identifier from create/import input: fields left out take the defaults of
 * SPEC §2; the kind follows from the key (built-in keys are `default`, every other is `custom`).
 * Problems go to `issues`, with `path` before each field name.
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

/** Mappings naming a key that is not among `keys` (SPEC §4: a mapped key must exist). */
export function unknownMappingIssues(mappings: AddressTypeMappings, keys: ReadonlySet<string>, path = ''): Issue[] {
  return (Object.entries(mappings) as Array<[string, string | null]>)
    .filter(([, key]) => key !== null && !keys.has(key))
    .map(([addressType, key]) => ({ path: `${path}${addressType}`, message: `No identifier has the key "${key}"` }));
}

/** The identifiers of a document in priority order: by `priority` when every entry has one, else as listed. */
function importOrder(document: SettingsImport, issues: Issue[]): number[] {
  const indexes = document.identifiers.map((_, index) => index);
  const priorities = document.identifiers.map((identifier) => identifier.priority);
  if (priorities.every((priority) => priority === undefined)) return indexes;
  const given = priorities.filter((priority): priority is number => priority !== undefined);
  const contiguous = [...given].sort((a, b) => a - b).every((priority, index) => priority === index + 1);
  if (given.length !== priorities.length || !contiguous) {
    issues.push({
      path: 'identifiers',
      message: `Give every identifier a distinct priority from 1 to ${priorities.length}, or leave all priorities out to use the list order`,
    });
    return indexes;
  }
  return indexes.sort((a, b) => (priorities[a] ?? 0) - (priorities[b] ?? 0));
}

/**
 * A settings document as it would be stored: its identifiers in priority order with the defaults
 * filled in, and every problem of the document as a whole (keys listed twice, priorities not 1..n,
 * mapped keys that do not exist). `moreIssues` adds the caller's own checks of the identifiers
 * (the server's clash and ReDoS checks), before the mapping issues, with `pathOf(position)` giving
 * the document path of the identifier at a position; it is not shown the identifiers at the
 * document indexes in `leaveOut`.
 */
export function resolveSettingsImport(
  document: SettingsImport,
  moreIssues?: (identifiers: Identifier[], pathOf: (position: number) => string) => Issue[],
  leaveOut?: ReadonlySet<number>,
): { identifiers: Identifier[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  document.identifiers.forEach((identifier, index) => {
    if (seen.has(identifier.key)) {
      issues.push({ path: `identifiers.${index}.key`, message: `"${identifier.key}" is listed more than once` });
    }
    seen.add(identifier.key);
  });
  const order = importOrder(document, issues);
  const identifiers = order.map((index, position) =>
    buildIdentifier(document.identifiers[index]!, position + 1, issues, `identifiers.${index}.`),
  );
  if (moreIssues) {
    const shown = order.flatMap((index, position) => (leaveOut?.has(index) ? [] : [position]));
    issues.push(
      ...moreIssues(
        shown.map((position) => identifiers[position]!),
        (position) => `identifiers.${order[shown[position]!]}.`,
      ),
    );
  }
  issues.push(...unknownMappingIssues(document.mappings, seen, 'mappings.'));
  return { identifiers, issues };
}

/** What `salvageSettingsImport` could read of a refused document. */
export interface SalvagedSettingsImport {
  document: SettingsImport;
  /** Indexes (in the document) of the identifiers the schema refused, which stand in by their key. */
  refused: ReadonlySet<number>;
}

/**
 * What can be read of a settings document that its schema refused, so that the problems of the
 * document as a whole (keys listed twice, priorities, mapped keys that do not exist, and the
 * caller's own checks) are reported together with the schema's, not one round after the other.
 * An identifier the schema refuses stands in by its key alone: its other fields take their
 * defaults, and the schema reports what is wrong with them. A priority the schema refuses leaves
 * every priority out (the list order), so that "not 1..n" is not said again; a mapping that is not
 * a key counts as none. `null` when the document's shape or an identifier's key cannot be read:
 * the schema's issues are then all there is to say.
 */
export function salvageSettingsImport(raw: unknown): SalvagedSettingsImport | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { identifiers, mappings } = raw as { identifiers?: unknown; mappings?: unknown };
  if (!Array.isArray(identifiers) || identifiers.length > MAX_IDENTIFIERS_PER_SPACE) return null;
  const salvaged: SettingsIdentifierInput[] = [];
  const refused = new Set<number>();
  let unusablePriority = false;
  for (const [index, entry] of (identifiers as unknown[]).entries()) {
    const parsed = SettingsIdentifierInputSchema.safeParse(entry);
    if (parsed.success) {
      salvaged.push(parsed.data);
      continue;
    }
    const { key, priority } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (!IdentifierKeySchema.safeParse(key).success) return null;
    refused.add(index);
    const usable = typeof priority === 'number' && Number.isInteger(priority) && priority >= 1;
    if (priority !== undefined && !usable) unusablePriority = true;
    salvaged.push({ key: key as string, ...(usable ? { priority } : {}) });
  }
  const mapped = (typeof mappings === 'object' && mappings !== null ? mappings : {}) as Record<string, unknown>;
  const keyOrNone = (value: unknown) => (IdentifierKeySchema.safeParse(value).success ? (value as string) : null);
  return {
    document: {
      defaultCountry: 'US', // not read by the checks of the document as a whole
      identifiers: unusablePriority ? salvaged.map(({ priority: _left, ...rest }) => rest) : salvaged,
      mappings: { phone: keyOrNone(mapped.phone), email: keyOrNone(mapped.email) },
    },
    refused,
  };
}

/**
 * Every problem of a settings document the schema refused: `schemaIssues`, then those of the
 * document as a whole (`resolveSettingsImport`) on what `salvageSettingsImport` can read of it,
 * each issue once. `moreIssues` sees only the identifiers the schema took: one it refused has
 * only default fields here, which could clash with another's display name for no real reason.
 */
export function refusedSettingsImportIssues(
  raw: unknown,
  schemaIssues: readonly Issue[],
  moreIssues?: Parameters<typeof resolveSettingsImport>[1],
): Issue[] {
  const salvaged = salvageSettingsImport(raw);
  const issues = [...schemaIssues];
  if (salvaged === null) return issues;
  const { document, refused } = salvaged;
  const said = new Set(issues.map((issue) => `${issue.path}\u0000${issue.message}`));
  for (const issue of resolveSettingsImport(document, moreIssues, refused).issues) {
    const id = `${issue.path}\u0000${issue.message}`;
    if (!said.has(id)) issues.push(issue);
    said.add(id);
  }
  return issues;
}
