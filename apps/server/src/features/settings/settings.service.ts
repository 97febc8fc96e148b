import {
  type Identifier,
  type Issue,
  refusedSettingsImportIssues,
  resolveSettingsImport,
  type SettingsDocument,
  type SettingsImport,
} from '@idr/contracts';
import { validationFailed } from '../../http/app-error.ts';
import { deleteAllIdentifiers, insertIdentifiers, listIdentifiers } from '../../store/identifiers.repository.ts';
import { getMappings, replaceMappings } from '../../store/mappings.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import type { BlockedRegexChecker, BlockedRegexVerdicts } from '../identifiers/blocked-regex-checker.ts';
import { blockedValueIssues, displayNameClashIssues, patternsToJudge } from '../identifiers/identifier-rules.ts';
import { requireSpace, type WriteContext, writeSettings } from './settings-write.ts';

/** The server's own checks of a document's identifiers: display-name clashes, unsafe patterns. */
function serverIssues(verdicts: BlockedRegexVerdicts) {
  return (built: Identifier[], pathOf: (position: number) => string): Issue[] => [
    ...displayNameClashIssues(built, pathOf),
    ...built.flatMap((identifier, position) => blockedValueIssues(identifier, verdicts, pathOf(position))),
  ];
}

/** The regex patterns of a settings document, however malformed the rest of it. */
function documentPatterns(body: unknown): string[] {
  const identifiers = (body as { identifiers?: unknown } | null)?.identifiers;
  if (!Array.isArray(identifiers)) return [];
  return identifiers.flatMap((identifier) => {
    const blockedValues = (identifier as { blockedValues?: unknown } | null)?.blockedValues;
    if (!Array.isArray(blockedValues)) return [];
    return blockedValues.flatMap((blocked) => {
      const { value, match } = (blocked ?? {}) as { value?: unknown; match?: unknown };
      return match === 'regex' && typeof value === 'string' ? [value] : [];
    });
  });
}

/** Export and import of a space's whole configuration. */
export function createSettingsService(store: Store, now: () => Date, regexChecker: BlockedRegexChecker) {
  return {
    async export(spaceId: string): Promise<SettingsDocument> {
      const space = requireSpace(await findSpace(store.db, spaceId), spaceId);
      return {
        defaultCountry: space.defaultCountry,
        identifiers: await listIdentifiers(store.db, spaceId),
        mappings: await getMappings(store.db, spaceId),
        version: space.version,
      };
    },

    /**
     * Every problem of a document the import schema refused: the schema's, then the document's as
     * a whole, its patterns judged like an import's.
     */
    async refusedImportIssues(body: unknown, schemaIssues: Issue[]): Promise<Issue[]> {
      const verdicts = await regexChecker.judge(patternsToJudge(documentPatterns(body)));
      return refusedSettingsImportIssues(body, schemaIssues, serverIssues(verdicts));
    },

    async import(spaceId: string, document: SettingsImport, context: WriteContext): Promise<SettingsDocument> {
      const verdicts = await regexChecker.judge(patternsToJudge(documentPatterns(document)));
      const { identifiers, issues } = resolveSettingsImport(document, serverIssues(verdicts));
      if (issues.length > 0) throw validationFailed(issues);
      const mappings = { phone: document.mappings.phone, email: document.mappings.email };
      const { version } = await writeSettings(store, spaceId, context, now, async (trx, space, at) => {
        const before = {
          defaultCountry: space.defaultCountry,
          identifiers: await listIdentifiers(trx, spaceId),
          mappings: await getMappings(trx, spaceId),
        };
        await replaceMappings(trx, spaceId, { phone: null, email: null });
        await deleteAllIdentifiers(trx, spaceId);
        await insertIdentifiers(trx, spaceId, identifiers, at);
        await replaceMappings(trx, spaceId, mappings);
        const after = { defaultCountry: document.defaultCountry, identifiers, mappings };
        return {
          result: undefined,
          action: 'settings.import',
          target: 'settings',
          before,
          after,
          spaceChanges: { defaultCountry: document.defaultCountry },
        };
      });
      return { defaultCountry: document.defaultCountry, identifiers, mappings, version };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
