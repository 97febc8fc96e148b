import { countryText, diffSettings, isEmptyDiff, type SettingsState } from '../../lib/settings-diff.ts';

/** One line of an import's summary, with the details listed under it (the fields of a changed identifier). */
export interface SummaryLine {
  text: string;
  /**
   * For a line about identifiers, its words before their keys ("Adds 2 identifiers:") and the keys,
   * so that keys can be shown in code type; `text` is the two together.
   */
  about?: { lead: string; keys: string[] };
  details: string[];
}

function aboutKeys(lead: string, keys: string[], details: string[] = []): SummaryLine {
  return { text: `${lead} ${keys.join(', ')}`, about: { lead, keys }, details };
}

/**
 * What importing `imported` would change in a space whose settings are `current`: identifiers
 * added and removed, each identifier changed with the fields that change, the address-type
 * mappings and the default country. Empty when nothing would change.
 */
export function summarizeImport(current: SettingsState, imported: SettingsState): SummaryLine[] {
  const diff = diffSettings(current, imported);
  if (isEmptyDiff(diff)) return [];
  const keys = (identifiers: ReadonlyArray<{ key: string }>) => identifiers.map((identifier) => identifier.key);
  const count = (n: number) => (n === 1 ? '1 identifier' : `${n} identifiers`);
  const lines: SummaryLine[] = [];
  if (diff.added.length > 0) lines.push(aboutKeys(`Adds ${count(diff.added.length)}:`, keys(diff.added)));
  if (diff.removed.length > 0) lines.push(aboutKeys(`Removes ${count(diff.removed.length)}:`, keys(diff.removed)));
  for (const { key, changes } of diff.changed)
    lines.push(
      aboutKeys(
        'Changes',
        [key],
        changes.map((change) => change.text),
      ),
    );
  if (diff.mappings.length > 0) lines.push({ text: 'Changes the address-type mapping', details: diff.mappings });
  if (diff.defaultCountry)
    lines.push({
      text: `Changes the default country: ${countryText(diff.defaultCountry.before)} → ${countryText(diff.defaultCountry.after)}`,
      details: [],
    });
  return lines;
}

/** A summary as plain text, one line each, details indented: for tests and for reading it in one go. */
export function summaryText(lines: readonly SummaryLine[]): string[] {
  if (lines.length === 0) return ['Nothing would change'];
  return lines.flatMap((line) => [line.text, ...line.details.map((detail) => `  ${detail}`)]);
}
