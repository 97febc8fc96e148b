/**
 * Text both databases store as sent. PostgreSQL refuses the NUL character in `text` and `jsonb`
 * (SQLite would keep it), and a lone UTF-16 surrogate is not Unicode: both databases store U+FFFD
 * in its place, so the value read back differs from the value sent and the same value sent twice
 * no longer meets itself. Such text is refused at the edge, with the path of the field that holds it.
 */

const NUL_MESSAGE = 'Must not contain the NUL character (U+0000)';
const LONE_SURROGATE_MESSAGE = 'Must not contain a lone UTF-16 surrogate: it is not valid Unicode';

// With the `u` flag a surrogate class matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a string cannot be stored as it is, or `null` when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_MESSAGE;
  return null;
}

/** Whether a string can be stored as it is (see `unstorableTextProblem`). */
export function isStorableText(text: string): boolean {
  return unstorableTextProblem(text) === null;
}

/** A string (or an object key) in a JSON value that cannot be stored, and where it is. */
export interface UnstorableText {
  path: (string | number)[];
  message: string;
}

/** The first string or object key in a parsed JSON value that cannot be stored, or `null`. */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): UnstorableText | null {
  if (typeof value === 'string') {
    const message = unstorableTextProblem(value);
    return message === null ? null : { path, message };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      const message = unstorableTextProblem(key);
      if (message !== null)
        return { path: [...path, key], message: `Its key ${message.charAt(0).toLowerCase()}${message.slice(1)}` };
      const found = findUnstorableText(entry, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Whether the JSON text of a value may hold unstorable text: `JSON.stringify` writes NUL as
 * `\u0000` and a lone surrogate as `\udXXX`, so a text without either needs no walk. (A
 * backslash sent as such also matches; the walk then decides.)
 */
export function mayHoldUnstorableText(json: string): boolean {
  return json.includes('\\u0000') || /\\ud[89a-f]/.test(json);
}
