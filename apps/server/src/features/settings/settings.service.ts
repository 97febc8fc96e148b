import type { Identifier, Issue, SettingsDocument, SettingsImport } from '@idr/contracts';
import { validationFailed } from '../../http/app-error.ts';
import { deleteAllIdentifiers, insertIdentifiers, listIdentifiers } from '../../store/identifiers.repository.ts';
import { getMappings, replaceMappings } from '../../store/mappings.repository.ts';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { unknownMappingIssues } from '../address-type-mappings/address-type-mappings.service.ts';
import { blockedValueIssues, buildIdentifier, displayNameClashIssues } from '../identifiers/identifier-rules.ts';
import { requireSpace, type WriteContext, writeSettings } from './settings-write.ts';

/** The identifiers of a document in priority order: by `priority` when every entry has one, else as listed. */
function orderImported(document: SettingsImport, issues: Issue[]): number[] {
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

/** Validates a whole settings document and turns it into identifiers; throws 400 with every issue found. */
function identifiersOf(document: SettingsImport): Identifier[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  document.identifiers.forEach((identifier, index) => {
    if (seen.has(identifier.key)) {
      issues.push({ path: `identifiers.${index}.key`, message: `"${identifier.key}" is listed more than once` });
    }
    seen.add(identifier.key);
  });
  const order = orderImported(document, issues);
  const identifiers = order.map((index, position) =>
    buildIdentifier(document.identifiers[index]!, position + 1, issues, `identifiers.${index}.`),
  );
  const pathOf = (position: number) => `identifiers.${order[position]}.`;
  issues.push(...displayNameClashIssues(identifiers, pathOf));
  issues.push(...identifiers.flatMap((identifier, position) => blockedValueIssues(identifier, pathOf(position))));
  issues.push(...unknownMappingIssues(document.mappings, seen, 'mappings.'));
  if (issues.length > 0) throw validationFailed(issues);
  return identifiers;
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
