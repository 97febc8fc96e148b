import {
  ADDRESS_TYPES,
  type AuditEntry,
  type Identifier,
  IdentifierSchema,
  isCountryCode,
  type SpacePreset,
} from '@idr/contracts';
import { z } from 'zod';
import { countryLabel } from '../../lib/countries.ts';
import { ADDRESS_TYPE_LABEL, NORMALIZATION_LABEL, shortLimit } from '../../lib/labels.ts';

/** An audit entry in words: one line saying what was done, and what changed, one line each. */
export interface AuditSummary {
  title: string;
  changes: string[];
}

// What the server records (apps/server, every settings write), read defensively: an entry that
// does not have the expected shape (an older server, a hand-edited database) still gets a title.
const MappingsShape = z.object({ phone: z.string().nullable(), email: z.string().nullable() });
const KeysShape = z.array(z.string());
const SpaceShape = z.object({ name: z.string(), defaultCountry: z.string() }).partial();
const SpaceCreatedShape = z.object({
  space: z.object({ name: z.string(), defaultCountry: z.string() }),
  source: z.union([z.object({ preset: z.string() }), z.object({ copyFrom: z.string() })]),
  identifiers: z.array(z.unknown()),
});
const SettingsShape = z.object({
  defaultCountry: z.string(),
  identifiers: z.array(z.object({ key: z.string() }).loose()),
  mappings: MappingsShape,
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

const quote = (text: string) => `“${text}”`;
const keyOrNone = (key: string | null) => key ?? 'none';

function limitText(identifier: Identifier): string {
  return shortLimit(identifier.limit.count, identifier.limit.window);
}

/** A blocked value as the rules form shows it: exact values quoted, patterns between slashes. */
function blockedValueText(blocked: Identifier['blockedValues'][number]): string {
  return blocked.match === 'regex' ? `/${blocked.value}/` : quote(blocked.value);
}

/** The blocked values an edit added and removed, one line each. */
function blockedChanges(before: Identifier, after: Identifier): string[] {
  const texts = (identifier: Identifier) => identifier.blockedValues.map(blockedValueText);
  const was = texts(before);
  const now = texts(after);
  const added = now.filter((text) => !was.includes(text));
  const removed = was.filter((text) => !now.includes(text));
  const lines: string[] = [];
  if (added.length > 0) lines.push(`Blocked values added: ${added.join(', ')}`);
  if (removed.length > 0) lines.push(`Blocked values removed: ${removed.join(', ')}`);
  return lines;
}

const countryText = (code: string) => (isCountryCode(code) ? countryLabel(code) : code);

/** The fields of an identifier that an edit changed, before → after. */
function identifierChanges(before: Identifier, after: Identifier): string[] {
  const changes: string[] = [];
  if (before.displayName !== after.displayName)
    changes.push(`Display name ${quote(before.displayName)} → ${quote(after.displayName)}`);
  if (limitText(before) !== limitText(after)) changes.push(`Limit ${limitText(before)} → ${limitText(after)}`);
  if (before.normalization !== after.normalization) {
    changes.push(
      `Normalization ${NORMALIZATION_LABEL[before.normalization]} → ${NORMALIZATION_LABEL[after.normalization]}`,
    );
  }
  changes.push(...blockedChanges(before, after));
  if (before.sourceKeys.join(', ') !== after.sourceKeys.join(', '))
    changes.push(`Source keys ${before.sourceKeys.join(', ') || 'none'} → ${after.sourceKeys.join(', ') || 'none'}`);
  return changes;
}

function mappingChanges(before: z.infer<typeof MappingsShape>, after: z.infer<typeof MappingsShape>): string[] {
  return ADDRESS_TYPES.filter((type) => before[type] !== after[type]).map(
    (type) => `${ADDRESS_TYPE_LABEL[type]}: ${keyOrNone(before[type])} → ${keyOrNone(after[type])}`,
  );
}

/** What an import changed against the settings it replaced: keys added and removed, mappings, country. */
function importChanges(before: z.infer<typeof SettingsShape> | null, after: z.infer<typeof SettingsShape>): string[] {
  const keysAfter = after.identifiers.map((identifier) => identifier.key);
  if (!before) {
    return [
      keysAfter.length === 0 ? 'No identifiers' : `Identifiers: ${keysAfter.join(', ')}`,
      `${ADDRESS_TYPE_LABEL.phone}: ${keyOrNone(after.mappings.phone)}; ${ADDRESS_TYPE_LABEL.email}: ${keyOrNone(after.mappings.email)}`,
      `Default country ${countryText(after.defaultCountry)}`,
    ];
  }
  const keysBefore = before.identifiers.map((identifier) => identifier.key);
  const added = keysAfter.filter((key) => !keysBefore.includes(key));
  const removed = keysBefore.filter((key) => !keysAfter.includes(key));
  const changes: string[] = [];
  if (added.length > 0) changes.push(`Identifiers added: ${added.join(', ')}`);
  if (removed.length > 0) changes.push(`Identifiers removed: ${removed.join(', ')}`);
  const kept = keysAfter.filter((key) => keysBefore.includes(key));
  const rulesChanged = kept.filter((key) => {
    const was = before.identifiers.find((identifier) => identifier.key === key);
    const now = after.identifiers.find((identifier) => identifier.key === key);
    return JSON.stringify({ ...was, priority: 0 }) !== JSON.stringify({ ...now, priority: 0 });
  });
  if (rulesChanged.length > 0) changes.push(`Rules or display names changed: ${rulesChanged.join(', ')}`);
  if (keysBefore.filter((key) => kept.includes(key)).join() !== kept.join())
    changes.push(`Priority order: ${keysAfter.join(', ')}`);
  changes.push(...mappingChanges(before.mappings, after.mappings));
  if (before.defaultCountry !== after.defaultCountry)
    changes.push(`Default country ${countryText(before.defaultCountry)} → ${countryText(after.defaultCountry)}`);
  return changes.length > 0 ? changes : ['Nothing changed'];
}

const PRESET_NAME: Record<SpacePreset, string> = {
  'contact-center': 'the contact-center preset',
  empty: 'no identifiers',
};

function describeKnown(entry: AuditEntry): AuditSummary | null {
  switch (entry.action) {
    case 'identifier.create': {
      const after = parse(IdentifierSchema, entry.after);
      if (!after) return null;
      return {
        title: `Added the identifier ${after.key}`,
        changes: [
          `${after.kind === 'custom' ? 'Custom' : 'Built-in'}, priority ${after.priority}`,
          `Limit ${limitText(after)}, normalization ${NORMALIZATION_LABEL[after.normalization]}`,
        ],
      };
    }
    case 'identifier.update': {
      const before = parse(IdentifierSchema, entry.before);
      const after = parse(IdentifierSchema, entry.after);
      if (!before || !after) return null;
      const changes = identifierChanges(before, after);
      return { title: `Changed the identifier ${after.key}`, changes: changes.length > 0 ? changes : ['No change'] };
    }
    case 'identifier.delete': {
      const before = parse(IdentifierSchema, entry.before);
      return before ? { title: `Deleted the identifier ${before.key}`, changes: [] } : null;
    }
    case 'identifier.reorder': {
      const before = parse(KeysShape, entry.before);
      const after = parse(KeysShape, entry.after);
      if (!before || !after) return null;
      return {
        title: 'Changed the priority order',
        changes: [`Before: ${before.join(', ')}`, `After: ${after.join(', ')}`],
      };
    }
    case 'mappings.update': {
      const before = parse(MappingsShape, entry.before);
      const after = parse(MappingsShape, entry.after);
      if (!before || !after) return null;
      const changes = mappingChanges(before, after);
      return { title: 'Changed the address-type mapping', changes: changes.length > 0 ? changes : ['No change'] };
    }
    case 'settings.import': {
      const after = parse(SettingsShape, entry.after);
      if (!after) return null;
      // Older entries may lack `before`: then the new state alone is listed.
      const before = parse(SettingsShape, entry.before);
      return { title: 'Imported the settings', changes: importChanges(before, after) };
    }
    case 'space.create': {
      const after = parse(SpaceCreatedShape, entry.after);
      if (!after) return null;
      const source =
        'copyFrom' in after.source
          ? `A copy of the space ${after.source.copyFrom}`
          : `From ${PRESET_NAME[after.source.preset as SpacePreset] ?? after.source.preset}`;
      return {
        title: `Created the space ${quote(after.space.name)}`,
        changes: [source, `Default country ${countryText(after.space.defaultCountry)}`],
      };
    }
    case 'space.update': {
      const before = parse(SpaceShape, entry.before);
      const after = parse(SpaceShape, entry.after);
      if (!before || !after) return null;
      const changes: string[] = [];
      if (before.name !== after.name) changes.push(`Name ${quote(before.name ?? '')} → ${quote(after.name ?? '')}`);
      if (before.defaultCountry !== after.defaultCountry)
        changes.push(
          `Default country ${countryText(before.defaultCountry ?? '')} → ${countryText(after.defaultCountry ?? '')}`,
        );
      return { title: 'Changed the space', changes: changes.length > 0 ? changes : ['No change'] };
    }
    default:
      return null;
  }
}

/** What an audit entry says, in the console's words; an action it does not know keeps its own name. */
export function describeAuditEntry(entry: AuditEntry): AuditSummary {
  return describeKnown(entry) ?? { title: `${entry.action} on ${entry.target}`, changes: [] };
}
