// How two states of a space's settings differ, in the console's words. Shared: the change history
// describes an import against what it replaced, and the settings-file import shows the same
// comparison before anything is replaced.
import { ADDRESS_TYPES, type AddressType, countryLabel, type Identifier, isCountryCode } from '@idr/contracts';
import { ADDRESS_TYPE_LABEL, NORMALIZATION_LABEL, shortLimit } from './labels.ts';

/** Which identifier holds each address type. */
export interface MappingsState {
  phone: string | null;
  email: string | null;
}

/** The whole configuration of a space, as an export holds it and an import replaces it. */
export interface SettingsState {
  defaultCountry: string;
  identifiers: readonly Identifier[];
  mappings: MappingsState;
}

/** The fields of an identifier a change can touch (its key and kind never change). */
export type IdentifierField = 'displayName' | 'priority' | 'limit' | 'normalization' | 'blockedValues' | 'sourceKeys';

/** One field of an identifier that differs, in words ("Limit 5 ever → 3 per 7 days"). */
export interface FieldChange {
  field: IdentifierField;
  text: string;
}

/** What differs between two settings states; identifiers are in the priority order of the newer one. */
export interface SettingsDiff {
  added: Identifier[];
  removed: Identifier[];
  /** Identifiers in both, with the fields that differ; those that differ in nothing are left out. */
  changed: Array<{ key: string; changes: FieldChange[] }>;
  /** Whether identifiers in both states come in another order relative to one another. */
  orderChanged: boolean;
  /** One line per address type whose identifier changes ("Phone number: phone → none"). */
  mappings: string[];
  defaultCountry: { before: string; after: string } | null;
}

const quote = (text: string) => `“${text}”`;
const keyOrNone = (key: string | null) => key ?? 'none';

/** A country as the console names it, or the code as it is when it is not one. */
export function countryText(code: string): string {
  return isCountryCode(code) ? countryLabel(code) : code;
}

function limitText(identifier: Identifier): string {
  return shortLimit(identifier.limit.count, identifier.limit.window);
}

/** A blocked value as the rules form shows it: exact values quoted, patterns between slashes. */
export function blockedValueText(blocked: Identifier['blockedValues'][number]): string {
  return blocked.match === 'regex' ? `/${blocked.value}/` : quote(blocked.value);
}

/** The blocked values added and removed, one line each (their order does not matter to the resolver). */
function blockedChanges(before: Identifier, after: Identifier): FieldChange[] {
  const texts = (identifier: Identifier) => identifier.blockedValues.map(blockedValueText);
  const was = texts(before);
  const now = texts(after);
  const added = now.filter((text) => !was.includes(text));
  const removed = was.filter((text) => !now.includes(text));
  const lines: FieldChange[] = [];
  if (added.length > 0) lines.push({ field: 'blockedValues', text: `Blocked values added: ${added.join(', ')}` });
  if (removed.length > 0) lines.push({ field: 'blockedValues', text: `Blocked values removed: ${removed.join(', ')}` });
  return lines;
}

/** The fields of one identifier that differ between two states, before → after. */
export function identifierChanges(before: Identifier, after: Identifier): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.displayName !== after.displayName)
    changes.push({
      field: 'displayName',
      text: `Display name ${quote(before.displayName)} → ${quote(after.displayName)}`,
    });
  if (before.priority !== after.priority)
    changes.push({ field: 'priority', text: `Priority ${before.priority} → ${after.priority}` });
  if (limitText(before) !== limitText(after))
    changes.push({ field: 'limit', text: `Limit ${limitText(before)} → ${limitText(after)}` });
  if (before.normalization !== after.normalization) {
    changes.push({
      field: 'normalization',
      text: `Normalization ${NORMALIZATION_LABEL[before.normalization]} → ${NORMALIZATION_LABEL[after.normalization]}`,
    });
  }
  changes.push(...blockedChanges(before, after));
  if (before.sourceKeys.join(', ') !== after.sourceKeys.join(', '))
    changes.push({
      field: 'sourceKeys',
      text: `Source keys ${before.sourceKeys.join(', ') || 'none'} → ${after.sourceKeys.join(', ') || 'none'}`,
    });
  return changes;
}

/**
 * What another admin changed in the fields a form edits, in one line ("Display name “A” → “B”;
 * Limit 1 ever → 3 ever"), for the form's conflict alert; `null` when none of them changed.
 */
export function fieldChangesText(
  before: Identifier,
  after: Identifier,
  fields: readonly IdentifierField[],
): string | null {
  return joinChanges(
    identifierChanges(before, after)
      .filter((change) => fields.includes(change.field))
      .map((change) => change.text),
  );
}

/** Change lines as one sentence's worth of text, or `null` when there are none. */
export function joinChanges(lines: readonly string[]): string | null {
  return lines.length === 0 ? null : lines.join('; ');
}

/** One line per address type (of `types`, every one by default) mapped to another identifier (or to none). */
export function mappingChanges(
  before: MappingsState,
  after: MappingsState,
  types: readonly AddressType[] = ADDRESS_TYPES,
): string[] {
  return types
    .filter((type) => before[type] !== after[type])
    .map((type) => `${ADDRESS_TYPE_LABEL[type]}: ${keyOrNone(before[type])} → ${keyOrNone(after[type])}`);
}

const byPriority = (identifiers: readonly Identifier[]) => [...identifiers].sort((a, b) => a.priority - b.priority);

/** Compares two whole settings states: identifiers by key, then the mappings and the default country. */
export function diffSettings(before: SettingsState, after: SettingsState): SettingsDiff {
  const was = byPriority(before.identifiers);
  const now = byPriority(after.identifiers);
  const wasByKey = new Map(was.map((identifier) => [identifier.key, identifier]));
  const nowKeys = new Set(now.map((identifier) => identifier.key));
  const added = now.filter((identifier) => !wasByKey.has(identifier.key));
  const removed = was.filter((identifier) => !nowKeys.has(identifier.key));
  const changed: SettingsDiff['changed'] = [];
  for (const identifier of now) {
    const previous = wasByKey.get(identifier.key);
    if (!previous) continue;
    const changes = identifierChanges(previous, identifier);
    if (changes.length > 0) changed.push({ key: identifier.key, changes });
  }
  const keptBefore = was.filter((identifier) => nowKeys.has(identifier.key)).map((identifier) => identifier.key);
  const keptAfter = now.filter((identifier) => wasByKey.has(identifier.key)).map((identifier) => identifier.key);
  return {
    added,
    removed,
    changed,
    orderChanged: keptBefore.join() !== keptAfter.join(),
    mappings: mappingChanges(before.mappings, after.mappings),
    defaultCountry:
      before.defaultCountry === after.defaultCountry
        ? null
        : { before: before.defaultCountry, after: after.defaultCountry },
  };
}

/** Whether two settings states are the same in everything an import replaces. */
export function isEmptyDiff(diff: SettingsDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    !diff.orderChanged &&
    diff.mappings.length === 0 &&
    diff.defaultCountry === null
  );
}
