import type {
  CreateIdentifierInput,
  Identifier,
  IdentifierList,
  Issue,
  ReorderIdentifiersInput,
  UnrecognizedIdentifierTypeList,
  UpdateIdentifierInput,
} from '@idr/contracts';
import {
  buildIdentifier,
  displayNameLengthIssue,
  IdentifierKeySchema,
  MAX_IDENTIFIERS_PER_SPACE,
  sourceKeysIssue,
} from '@idr/contracts';
import { AppError, validationFailed } from '../../http/app-error.ts';
import {
  deleteIdentifier,
  insertIdentifiers,
  listIdentifiers,
  updateIdentifier,
  updatePriorities,
} from '../../store/identifiers.repository.ts';
import { getMappings } from '../../store/mappings.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Executor, Store } from '../../store/store.ts';
import { listUnrecognizedTypes } from '../../store/unrecognized-types.repository.ts';
import { requireSpace, type WriteContext, writeSettings } from '../settings/settings-write.ts';
import type { BlockedRegexChecker, BlockedRegexVerdicts } from './blocked-regex-checker.ts';
import {
  blockedValueIssues,
  displayNameTakenMessage,
  findDisplayNameOwner,
  patternsToJudge,
  regexPatternsOf,
} from './identifier-rules.ts';

function requireIdentifier(identifiers: Identifier[], key: string): Identifier {
  const identifier = identifiers.find((candidate) => candidate.key === key);
  if (!identifier) throw new AppError('identifier_not_found', `No identifier has the key "${key}"`);
  return identifier;
}

/**
 * Throws 400 with `issues` and those of the identifier's display name and, given their verdicts,
 * of its blocked patterns (`null`: the change leaves the patterns as they were saved), if any.
 */
function assertAcceptable(
  identifiers: Identifier[],
  identifier: Identifier,
  verdicts: BlockedRegexVerdicts | null,
  issues: Issue[],
): void {
  const owner = findDisplayNameOwner(identifiers, identifier.displayName, identifier.key);
  if (owner) {
    const message =
      identifier.displayName === identifier.key
        ? `${displayNameTakenMessage(identifier.displayName, owner)}; the display name defaults to the key, so give one`
        : displayNameTakenMessage(identifier.displayName, owner);
    issues.push({ path: 'displayName', message });
  }
  if (verdicts) issues.push(...blockedValueIssues(identifier, verdicts));
  if (issues.length > 0) throw validationFailed(issues);
}

/** Priorities 1..n in list order, for the identifiers whose priority differs from that. */
function renumber(identifiers: Identifier[]): Map<string, number> {
  const changes = new Map<string, number>();
  identifiers.forEach((identifier, index) => {
    if (identifier.priority !== index + 1) changes.set(identifier.key, index + 1);
  });
  return changes;
}

function applyPriorities(identifiers: Identifier[], changes: Map<string, number>): Identifier[] {
  return identifiers.map((identifier) => ({
    ...identifier,
    priority: changes.get(identifier.key) ?? identifier.priority,
  }));
}

async function readIdentifierList(db: Executor, spaceId: string): Promise<IdentifierList> {
  // The version is read first: a write landing in between makes the ETag older than the data, which
  // costs the client a 412 at worst, never a lost update.
  const space = requireSpace(await findSpace(db, spaceId), spaceId);
  return { identifiers: await listIdentifiers(db, spaceId), version: space.version };
}

/** Identifier settings of a space: list, create, change, delete, reorder. */
export function createIdentifiersService(store: Store, now: () => Date, regexChecker: BlockedRegexChecker) {
  return {
    list(spaceId: string): Promise<IdentifierList> {
      return readIdentifierList(store.db, spaceId);
    },

    /** One identifier, and the settings version it belongs to (its ETag, the base of a PATCH). */
    async get(spaceId: string, key: string): Promise<{ identifier: Identifier; version: number }> {
      const { identifiers, version } = await readIdentifierList(store.db, spaceId);
      return { identifier: requireIdentifier(identifiers, key), version };
    },

    /** External-id types seen in events that still match no identifier (SPEC §5.2). */
    async unrecognizedTypes(spaceId: string): Promise<UnrecognizedIdentifierTypeList> {
      const { identifiers } = await readIdentifierList(store.db, spaceId);
      const known = new Set(identifiers.map((identifier) => identifier.key));
      const seen = await listUnrecognizedTypes(store.db, spaceId);
      return {
        types: seen
          .filter((entry) => !known.has(entry.type))
          .map((entry) => ({ ...entry, addable: IdentifierKeySchema.safeParse(entry.type).success })),
      };
    },

    async create(spaceId: string, input: CreateIdentifierInput, context: WriteContext) {
      const verdicts = await regexChecker.judge(patternsToJudge(regexPatternsOf(input.blockedValues)));
      return writeSettings(store, spaceId, context, now, async (trx, _space, at) => {
        const identifiers = await listIdentifiers(trx, spaceId);
        if (identifiers.some((identifier) => identifier.key === input.key)) {
          throw new AppError('identifier_exists', `The identifier "${input.key}" already exists in this space`);
        }
        if (identifiers.length >= MAX_IDENTIFIERS_PER_SPACE) {
          throw validationFailed([
            {
              path: '',
              message: `A space holds at most ${MAX_IDENTIFIERS_PER_SPACE} identifiers: delete one before adding another`,
            },
          ]);
        }
        const last = identifiers.length + 1;
        const priority = input.priority ?? last;
        const issues: Issue[] = [];
        if (priority > last) issues.push({ path: 'priority', message: `Use a priority from 1 to ${last}` });
        const identifier = buildIdentifier(input, priority, issues);
        assertAcceptable(identifiers, identifier, verdicts, issues);
        const shifted = renumber(
          identifiers
            .filter((existing) => existing.priority < priority)
            .concat(
              [identifier],
              identifiers.filter((existing) => existing.priority >= priority),
            ),
        );
        shifted.delete(identifier.key);
        // Free the positions first so that the new row never shares a priority with an old one.
        await updatePriorities(trx, spaceId, shifted, at);
        await insertIdentifiers(trx, spaceId, [identifier], at);
        return {
          result: identifier,
          action: 'identifier.create',
          target: `identifier:${identifier.key}`,
          before: null,
          after: identifier,
        };
      });
    },

    async update(spaceId: string, key: string, input: UpdateIdentifierInput, context: WriteContext) {
      // Patterns saved before were judged then; only the ones this change sets are judged now.
      const verdicts = input.blockedValues ? await regexChecker.judge(regexPatternsOf(input.blockedValues)) : null;
      return writeSettings(store, spaceId, context, now, async (trx, _space, at) => {
        const identifiers = await listIdentifiers(trx, spaceId);
        const before = requireIdentifier(identifiers, key);
        const issues: Issue[] = [];
        // The body cannot tell these apart without the identifier: a display name of more than 50
        // characters is the key's own (the default), source keys are 1–10 on a custom identifier
        // and none on a built-in one (an empty list, as GET shows it, changes nothing).
        if (typeof input.displayName === 'string') {
          const issue = displayNameLengthIssue(key, input.displayName);
          if (issue !== null) issues.push({ path: 'displayName', message: issue });
        }
        if (input.sourceKeys !== undefined) {
          const issue = sourceKeysIssue(before.kind, input.sourceKeys);
          if (issue !== null) issues.push({ path: 'sourceKeys', message: issue });
        }
        const after: Identifier = {
          ...before,
          ...(input.displayName !== undefined ? { displayName: input.displayName ?? before.key } : {}),
          ...(input.limit ? { limit: input.limit } : {}),
          ...(input.normalization ? { normalization: input.normalization } : {}),
          ...(input.blockedValues ? { blockedValues: input.blockedValues } : {}),
          ...(input.sourceKeys && before.kind === 'custom' ? { sourceKeys: input.sourceKeys } : {}),
        };
        assertAcceptable(identifiers, after, verdicts, issues);
        await updateIdentifier(trx, spaceId, after, at);
        return { result: after, action: 'identifier.update', target: `identifier:${key}`, before, after };
      });
    },

    remove(spaceId: string, key: string, context: WriteContext) {
      return writeSettings(store, spaceId, context, now, async (trx, _space, at) => {
        const identifiers = await listIdentifiers(trx, spaceId);
        const before = requireIdentifier(identifiers, key);
        const mappings = await getMappings(trx, spaceId);
        const mappedAs = (Object.keys(mappings) as Array<keyof typeof mappings>).find((type) => mappings[type] === key);
        if (mappedAs) {
          throw new AppError(
            'identifier_mapped',
            `"${key}" is mapped to the ${mappedAs} address type; unmap it before deleting the identifier`,
          );
        }
        await deleteIdentifier(trx, spaceId, key);
        await updatePriorities(trx, spaceId, renumber(identifiers.filter((identifier) => identifier.key !== key)), at);
        return { result: undefined, action: 'identifier.delete', target: `identifier:${key}`, before, after: null };
      });
    },

    reorder(spaceId: string, input: ReorderIdentifiersInput, context: WriteContext) {
      return writeSettings(store, spaceId, context, now, async (trx, _space, at) => {
        const identifiers = await listIdentifiers(trx, spaceId);
        const existing = new Set(identifiers.map((identifier) => identifier.key));
        const unknown = input.keys.filter((key) => !existing.has(key));
        const missing = [...existing].filter((key) => !input.keys.includes(key));
        const issues: Issue[] = [];
        if (unknown.length > 0)
          issues.push({ path: 'keys', message: `Unknown identifier keys: ${unknown.join(', ')}` });
        if (missing.length > 0)
          issues.push({ path: 'keys', message: `List every identifier; missing: ${missing.join(', ')}` });
        if (issues.length > 0) throw validationFailed(issues);
        const byKey = new Map(identifiers.map((identifier) => [identifier.key, identifier]));
        const ordered = input.keys.map((key) => byKey.get(key)!);
        const changes = renumber(ordered);
        await updatePriorities(trx, spaceId, changes, at);
        const after = applyPriorities(ordered, changes);
        return {
          result: after,
          action: 'identifier.reorder',
          target: 'identifiers',
          before: identifiers.map((identifier) => identifier.key),
          after: after.map((identifier) => identifier.key),
        };
      });
    },
  };
}

export type IdentifiersService = ReturnType<typeof createIdentifiersService>;
