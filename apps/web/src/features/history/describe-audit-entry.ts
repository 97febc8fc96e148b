import { type AuditEntry, type Identifier, IdentifierSchema, type SpacePreset } from '@idr/contracts';
import { z } from 'zod';
import { ADDRESS_TYPE_LABEL, NORMALIZATION_LABEL, shortLimit } from '../../lib/labels.ts';
import {
  countryText,
  diffSettings,
  identifierChanges,
  mappingChanges,
  type SettingsState,
} from '../../lib/settings-diff.ts';

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
  identifiers: z.array(IdentifierSchema),
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

/** "Limit 5 ever → 3 ever" as it reads after a key and a colon. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What an import changed against the settings it replaced: keys added and removed, mappings, country. */
function importChanges(before: SettingsState | null, after: SettingsState): string[] {
  const keysAfter = after.identifiers.map((identifier) => identifier.key);
  if (!before) {
    return [
      keysAfter.length === 0 ? 'No identifiers' : `Identifiers: ${keysAfter.join(', ')}`,
      `${ADDRESS_TYPE_LABEL.phone}: ${keyOrNone(after.mappings.phone)}; ${ADDRESS_TYPE_LABEL.email}: ${keyOrNone(after.mappings.email)}`,
      `Default country ${countryText(after.defaultCountry)}`,
    ];
  }
  const diff = diffSettings(before, after);
  const keys = (identifiers: ReadonlyArray<{ key: string }>) => identifiers.map((identifier) => identifier.key);
  const changes: string[] = [];
  if (diff.added.length > 0) changes.push(`Identifiers added: ${keys(diff.added).join(', ')}`);
  if (diff.removed.length > 0) changes.push(`Identifiers removed: ${keys(diff.removed).join(', ')}`);
  // A priority that only moved with the identifiers added or removed around it is no rule change;
  // a new relative order gets its own line.
  // One line per identifier whose rules or display name changed, saying what changed in it.
  for (const entry of diff.changed) {
    const fields = entry.changes.filter((change) => change.field !== 'priority');
    if (fields.length === 0) continue;
    changes.push(`${entry.key}: ${fields.map((change) => lowerFirst(change.text)).join('; ')}`);
  }
  if (diff.orderChanged) changes.push(`Priority order: ${keysAfter.join(', ')}`);
  changes.push(...diff.mappings);
  if (diff.defaultCountry)
    changes.push(
      `Default country ${countryText(diff.defaultCountry.before)} → ${countryText(diff.defaultCountry.after)}`,
    );
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
          // Where a custom identifier's values are read from: as much a part of it as its limit.
          ...(after.kind === 'custom' && after.sourceKeys.length > 0
            ? [`Source keys ${after.sourceKeys.join(', ')}`]
            : []),
        ],
      };
    }
    case 'identifier.update': {
      const before = parse(IdentifierSchema, entry.before);
      const after = parse(IdentifierSchema, entry.after);
      if (!before || !after) return null;
      const changes = identifierChanges(before, after).map((change) => change.text);
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
          ? // The id, not the name: it names the source as it was then, whatever it is called now.
            `Copied from the space with the id “${after.source.copyFrom}”`
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
      const renamed = before.name !== after.name;
      const countryChanged = before.defaultCountry !== after.defaultCountry;
      if (renamed) changes.push(`Name ${quote(before.name ?? '')} → ${quote(after.name ?? '')}`);
      if (countryChanged)
        changes.push(
          `Default country ${countryText(before.defaultCountry ?? '')} → ${countryText(after.defaultCountry ?? '')}`,
        );
      // The title names what changed when it is one thing, as the other entries' titles do.
      const title =
        renamed && !countryChanged
          ? 'Renamed the space'
          : countryChanged && !renamed
            ? 'Changed the default country'
            : 'Changed the space';
      return { title, changes: changes.length > 0 ? changes : ['No change'] };
    }
    default:
      return null;
  }
}

/** What an audit entry says, in the console's words; an action it does not know keeps its own name. */
export function describeAuditEntry(entry: AuditEntry): AuditSummary {
  return describeKnown(entry) ?? { title: `${entry.action} on ${entry.target}`, changes: [] };
}

/**
 * Who made a change, as the history shows it. Without sign-in (not built yet) every console and
 * API change is recorded as `anonymous`, and the server's own changes (a space created on first
 * start) as `system`: said in words an admin reads.
 */
export function describeActor(actor: string): string {
  if (actor === 'anonymous') return 'Not signed in (console or API)';
  if (actor === 'system') return 'The server (first start)';
  return actor;
}
