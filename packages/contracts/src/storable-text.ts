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

/**
 * The one object key a parsed body cannot keep: zod leaves `__proto__` out of every object it reads
 * key by key (records, loose objects), and a plain assignment would set a prototype instead. Refused
 * with its path rather than dropped unseen.
 */
export const RESERVED_KEY = '__proto__';
export const RESERVED_KEY_MESSAGE =
  'A key named "__proto__" is not accepted: JavaScript reserves the name, so what it holds would be lost';

/** Whether a string can be stored as it is (see `unstorableTextProblem`). */
export function isStorableText(text: string): boolean {
  return unstorableTextProblem(text) === null;
}

/** A string (or an object key) in a JSON value that cannot be stored, and where it is. */
export interface UnstorableText {
  path: (string | number)[];
  message: string;
}

/** A value still to visit, and how it was reached: its parent and its index or key there. */
interface PendingValue {
  value: unknown;
  parent: PendingValue | null;
  segment: string | number | null;
  /** Set when the segment is an object key, which must be storable text too. */
  key: boolean;
}

function pathOf(pending: PendingValue, start: (string | number)[]): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let at: PendingValue | null = pending; at !== null && at.segment !== null; at = at.parent)
    segments.push(at.segment);
  return [...start, ...segments.reverse()];
}

/**
 * The first string or object key in a parsed JSON value that cannot be stored (a `__proto__` key
 * included), or `null`, in
 * document order. Walked with a stack of its own and paths built only for the answer: a body may
 * nest thousands of levels deep (JSON.parse accepts it), which recursion would exhaust the call
 * stack on, and copying the path at every level would make quadratic work of.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): UnstorableText | null {
  // The next value to visit is the last one.
  const pending: PendingValue[] = [{ value, parent: null, segment: null, key: false }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.key) {
      if (next.segment === RESERVED_KEY) return { path: pathOf(next, path), message: RESERVED_KEY_MESSAGE };
      const message = unstorableTextProblem(next.segment as string);
      if (message !== null)
        return { path: pathOf(next, path), message: `Its key ${message.charAt(0).toLowerCase()}${message.slice(1)}` };
    }
    const current = next.value;
    if (typeof current === 'string') {
      const message = unstorableTextProblem(current);
      if (message !== null) return { path: pathOf(next, path), message };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        pending.push({ value: current[i], parent: next, segment: i, key: false });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, entry] = entries[i]!;
        pending.push({ value: entry, parent: next, segment: key, key: true });
      }
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
