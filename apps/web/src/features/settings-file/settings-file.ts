import {
  type Issue,
  refusedSettingsImportIssues,
  resolveSettingsImport,
  type SettingsImport,
  SettingsImportSchema,
  toIssues,
} from '@idr/contracts';
import { explainIssue } from '../../lib/issue-wording.ts';
import { locateJsonSyntaxError } from '../../lib/json-syntax.ts';
import { ADDRESS_TYPE_LABEL } from '../../lib/labels.ts';
import type { SettingsState } from '../../lib/settings-diff.ts';

/** One problem with an imported document: the server's dotted path, that path in words, the message. */
export interface DocumentIssue {
  path: string;
  /** "Identifier 3 (phone) › limit › count"; "The file" for the document as a whole. */
  where: string;
  message: string;
  /**
   * Whether `message` is a phrase that reads after `where` ("is required and must be text"), a
   * validator's message reworded; otherwise a sentence of its own, shown after a colon.
   */
  plain?: boolean;
}

/** What reading a settings file gave: the document to send and the settings it stands for, or why not. */
export type ParsedSettingsFile =
  | { ok: true; document: SettingsImport; settings: SettingsState }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'syntax'; line: number | null; column: number | null; reason: string }
  | { ok: false; problem: 'invalid'; issues: DocumentIssue[] };

/** The name an export is saved under: `settings-<space>-<YYYY-MM-DD>.json`, in the admin's local date. */
export function settingsFileName(spaceId: string, date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `settings-${spaceId}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** An export's content: the settings document pretty-printed with two spaces, ending with a newline. */
export function settingsFileContent(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const FIELD_WORDS: Record<string, string> = {
  key: 'key',
  kind: 'kind',
  displayName: 'display name',
  priority: 'priority',
  limit: 'limit',
  count: 'count',
  window: 'window',
  normalization: 'normalization',
  blockedValues: 'blocked values',
  value: 'value',
  match: 'match',
  sourceKeys: 'source keys',
};

const ITEM_WORDS: Record<string, string> = { blockedValues: 'blocked value', sourceKeys: 'source key' };

function keyOfIdentifierAt(document: unknown, index: number): string | null {
  if (typeof document !== 'object' || document === null) return null;
  const identifiers = (document as { identifiers?: unknown }).identifiers;
  if (!Array.isArray(identifiers)) return null;
  const identifier: unknown = identifiers[index];
  if (typeof identifier !== 'object' || identifier === null) return null;
  const key = (identifier as { key?: unknown }).key;
  return typeof key === 'string' && key !== '' ? key : null;
}

const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/**
 * A dotted issue path (`identifiers.2.limit.count`) in words, for the document it is about:
 * "Identifier 3 (phone) › limit › count". Paths of the server and of the contracts' schema alike.
 */
export function describeIssuePath(path: string, document: unknown): string {
  if (path === '') return 'The file';
  const segments = path.split('.');
  const [first, ...rest] = segments;
  const words: string[] = [];
  let index = 0;
  if (first === 'identifiers' && isIndex(rest[0])) {
    const position = Number(rest[0]);
    const key = keyOfIdentifierAt(document, position);
    words.push(`Identifier ${position + 1}${key ? ` (${key})` : ''}`);
    index = 2;
  } else if (first === 'mappings') {
    words.push('Address-type mapping');
    const type = rest[0];
    if (type === 'phone' || type === 'email') words.push(ADDRESS_TYPE_LABEL[type]);
    index = type === 'phone' || type === 'email' ? 2 : 1;
  } else {
    const top: Record<string, string> = { defaultCountry: 'Default country', identifiers: 'Identifiers' };
    words.push(top[first ?? ''] ?? first ?? '');
    index = 1;
  }
  for (; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const next = segments[index + 1];
    if (ITEM_WORDS[segment] && isIndex(next)) {
      words.push(`${ITEM_WORDS[segment]} ${Number(next) + 1}`);
      index++;
    } else words.push(FIELD_WORDS[segment] ?? segment);
  }
  return words.join(' › ');
}

/** Server or schema issues, each path in words for the document it is about. */
export function describeIssues(issues: readonly Issue[], document: unknown): DocumentIssue[] {
  return issues.map((issue) => {
    // The validator's own messages ("Invalid input: expected string, received undefined") in words.
    const { text, plain } = explainIssue(issue, document);
    return {
      path: issue.path,
      where: describeIssuePath(issue.path, document),
      message: text,
      ...(plain ? { plain } : {}),
    };
  });
}

/**
 * The settings a document stands for, as the server will store them (the contracts'
 * `resolveSettingsImport`, which the server runs too), and the problems of the document as a
 * whole. Display-name clashes and unsafe patterns are the server's to find: it answers 400 with
 * their paths, which the dialog lists.
 */
export function resolveImportedSettings(document: SettingsImport): { settings: SettingsState; issues: Issue[] } {
  const { identifiers, issues } = resolveSettingsImport(document);
  return {
    settings: { defaultCountry: document.defaultCountry, identifiers, mappings: { ...document.mappings } },
    issues,
  };
}

/** A JSON object with none of a settings document's fields: some other file, picked by mistake. */
function isForeignDocument(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !['defaultCountry', 'identifiers', 'mappings'].some((field) => Object.hasOwn(value, field));
}

/**
 * Reads the text of a settings file: JSON (a syntax error with its line and column), then the
 * contracts' import schema, then the checks of the document as a whole.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return { ok: false, problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const located = locateJsonSyntaxError(json);
    if (located) return { ok: false, problem: 'syntax', ...located };
    return {
      ok: false,
      problem: 'syntax',
      line: null,
      column: null,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  if (isForeignDocument(value)) {
    const message =
      'This file is not a settings export: it has no defaultCountry, identifiers or mappings. Use a file that Export settings saved.';
    return { ok: false, problem: 'invalid', issues: describeIssues([{ path: '', message }], value) };
  }
  const parsed = SettingsImportSchema.safeParse(value);
  if (!parsed.success) {
    // With the document's problems as a whole (keys twice, priorities, mappings), all in one list.
    const issues = refusedSettingsImportIssues(value, toIssues(parsed.error));
    return { ok: false, problem: 'invalid', issues: describeIssues(issues, value) };
  }
  const { version: _ignored, ...document } = parsed.data;
  const { settings, issues } = resolveImportedSettings(document);
  if (issues.length > 0) return { ok: false, problem: 'invalid', issues: describeIssues(issues, value) };
  return { ok: true, document, settings };
}
