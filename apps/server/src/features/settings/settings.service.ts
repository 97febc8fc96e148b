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
import { blockedValueIssues, displayNameClashIssues } from '../identifiers/identifier-rules.ts';
import { requireSpace, type WriteContext, writeSettings } from './settings-write.ts';

/** The server's own checks of a document's identifiers: display-name clashes, unsafe patterns. */
function serverIssues(built: Identifier[], pathOf: (position: number) => string): Issue[] {
  return [
    ...displayNameClashIssues(built, pathOf),
    ...built.flatMap((identifier, position) => blockedValueIssues(identifier, pathOf(position))),
  ];
}

/** Validates a whole settings document and turns it into identifiers; throws 400 with every issue found. */
function identifiersOf(document: SettingsImport): Identifier[] {
  const { identifiers, issues } = resolveSettingsImport(document, serverIssues);
  if (issues.length > 0) throw validationFailed(issues);
  return identifiers;
}

/** Every problem of a document the import schema refused: the schema's, then the document's as a whole. */
export function refusedImportIssues(body: unknown, schemaIssues: Issue[]): Issue[] {
  return refusedSettingsImportIssues(body, schemaIssues, serverIssues);
}

/** Export and import of a space's whole configuration. */
export function createSettingsService(store: Store, now: () => Date) {
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

    async import(spaceId: string, document: SettingsImport, context: WriteContext): Promise<SettingsDocument> {
      const identifiers = identifiersOf(document);
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
