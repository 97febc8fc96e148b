// The server validates with zod and answers its default English messages ("Invalid option:
// expected one of …", "Too big: expected string to have <=100 characters"). They are precise but
// written for developers: this rewords the ones an admin meets (in a dry-run event, in an imported
// settings file), and keeps the others.
import type { Issue } from '@idr/contracts';

/** A server issue about a document (a dry-run event, a settings file), in words for an admin. */
export interface IssueText {
  /** The field, as the server's path (`context.externalIds.0.type`); `''` for the document as a whole. */
  path: string;
  /**
   * What is wrong. When `plain`, a phrase that reads after the path ("is required: …");
   * otherwise the server's own message, kept as it is.
   */
  text: string;
  plain: boolean;
}

/** "a, b or c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The value at a server issue path of the document; `undefined` when it is absent. */
function valueAt(document: unknown, path: string): unknown {
  if (path === '') return document;
  let value: unknown = document;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** JSON types as an admin would call them, by the names zod uses. */
const TYPE_NOUN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list (array)',
  null: 'null',
};

const TIMESTAMP_PHRASE =
  'must be an ISO 8601 date, or date and time, e.g. 2026-01-31T09:30:00Z (a time without a time zone is read as UTC)';

const FORMAT_PHRASE: Record<string, string> = {
  'ISO datetime': TIMESTAMP_PHRASE,
  'ISO date': 'must be an ISO 8601 date, e.g. 2026-01-31',
  'email address': 'must be an email address',
  URL: 'must be a URL',
};

/** Units of zod's size messages (string, array, set, map and file sizes). */
const SIZE_UNITS = new Set(['characters', 'items', 'entries', 'bytes']);

type Translate = (match: RegExpMatchArray, value: unknown) => string | null;

/** zod's default messages that have a plainer wording; the first rule that matches and answers wins. */
const RULES: ReadonlyArray<readonly [RegExp, Translate]> = [
  // The event schema's own timestamp messages: its format (any ISO 8601 form), then its bounds.
  [/^Use an ISO 8601 date\b/, () => TIMESTAMP_PHRASE],
  [/^The timestamp (may .+)$/, ([, rule = '']) => rule],
  [
    /^Invalid option: expected one of (.+)$/,
    ([, list = ''], value) => {
      const options = [...list.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, option = '']) => option);
      if (options.length === 0) return null;
      if (value === undefined) return `is required: one of ${listOf(options)}`;
      const given = typeof value === 'string' ? ` (not “${value}”)` : '';
      return `must be one of ${listOf(options)}${given}`;
    },
  ],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    ([, expected = '', received = '']) => {
      const wanted = TYPE_NOUN[expected];
      if (!wanted) return null;
      if (received === 'undefined') return `is required and must be ${wanted}`;
      const got = TYPE_NOUN[received];
      return got ? `must be ${wanted}, not ${got}` : `must be ${wanted}`;
    },
  ],
  [
    /^Too big: expected \w+ to have (<=|<|exactly )(\d+) (\w+)$/,
    ([, bound, count = '', unit = '']) => {
      if (!SIZE_UNITS.has(unit)) return null;
      const limit = Number(count);
      if (bound === 'exactly ') return `must have exactly ${limit} ${unit}`;
      const most = bound === '<' ? limit - 1 : limit;
      return unit === 'characters' ? `can be at most ${most} characters` : `can have at most ${most} ${unit}`;
    },
  ],
  [
    /^Too small: expected \w+ to have (>=|>|exactly )(\d+) (\w+)$/,
    ([, bound, count = '', unit = '']) => {
      if (!SIZE_UNITS.has(unit)) return null;
      const limit = Number(count);
      if (bound === 'exactly ') return `must have exactly ${limit} ${unit}`;
      const least = bound === '>' ? limit + 1 : limit;
      if (least <= 1) return 'cannot be empty';
      return unit === 'characters' ? `must be at least ${least} characters` : `must have at least ${least} ${unit}`;
    },
  ],
  [
    /^Too big: expected number to be (<=|<)(-?[\d.]+)$/,
    ([, bound, limit]) => `must be ${bound === '<' ? 'less than' : 'at most'} ${limit}`,
  ],
  [
    /^Too small: expected number to be (>=|>)(-?[\d.]+)$/,
    ([, bound, limit]) => `must be ${bound === '>' ? 'more than' : 'at least'} ${limit}`,
  ],
  [/^Invalid (.+)$/, ([, format = '']) => FORMAT_PHRASE[format] ?? null],
  [
    /^Unrecognized keys?: (.+)$/,
    ([, list = '']) => {
      const names = [...list.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, name = '']) => `“${name}”`);
      if (names.length === 0) return null;
      return names.length === 1
        ? `has a field it cannot hold, ${names[0]}: remove it`
        : `has fields it cannot hold, ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: remove them`;
    },
  ],
];

/**
 * One server issue about a document in words: known validator messages are reworded (the sent
 * document tells a missing field from a wrong one), unknown ones are kept as they are.
 */
export function explainIssue(issue: Issue, document: unknown): IssueText {
  const value = valueAt(document, issue.path);
  for (const [pattern, translate] of RULES) {
    const match = issue.message.match(pattern);
    const text = match ? translate(match, value) : null;
    if (text) return { path: issue.path, text, plain: true };
  }
  return { path: issue.path, text: issue.message, plain: false };
}

/** The issue as one line of text: "type is required: …", or "path: <server message>". */
export function eventIssueSentence({ path, text, plain }: IssueText): string {
  const field = path === '' ? 'The event' : path;
  return plain ? `${field} ${text}` : `${field}: ${text}`;
}
