// JSON.parse says where a file breaks in words that differ between engines, and for some mistakes
// (an unexpected token) not at all. This scanner finds the first offending character itself, so the
// console can always point to a line and column, in the same words in every browser.

/** Where a JSON text stops being JSON, and why. */
export interface JsonSyntaxError {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  /** What is wrong there, as a phrase: "expected “,” or “}” after a property value, found “"”". */
  reason: string;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** The 1-based line and column of a UTF-16 offset; \r\n, \n and \r each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error of a JSON text, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;

  function found(offset = at): string {
    if (offset >= text.length) return 'the end of the file';
    const char = text.codePointAt(offset) ?? 0;
    if (char === 0x0a || char === 0x0d) return 'a line break';
    if (char < 0x20) return 'a control character';
    return `“${String.fromCodePoint(char)}”`;
  }
  function fail(reason: string, offset = at): never {
    throw new SyntaxAt(offset, reason);
  }
  function skipWhitespace() {
    while (at < text.length && WHITESPACE.has(text[at] ?? '')) at++;
  }

  function value() {
    skipWhitespace();
    const char = text[at];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal) {
      at += literal.length;
      return;
    }
    if (char === "'") fail('strings and property names need double quotes (“"”), not single ones');
    fail(`expected a value, found ${found()}`);
  }

  function object() {
    at++; // {
    skipWhitespace();
    if (text[at] === '}') {
      at++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[at] !== '"') {
        if (text[at] === '}') fail('expected another property after “,” (a trailing comma is not allowed in JSON)');
        fail(`expected a property name in double quotes, found ${found()}`);
      }
      string();
      skipWhitespace();
      if (text[at] !== ':') fail(`expected “:” after the property name, found ${found()}`);
      at++;
      value();
      skipWhitespace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') {
        at++;
        return;
      }
      fail(`expected “,” or “}” after a property value, found ${found()}`);
    }
  }

  function array() {
    at++; // [
    skipWhitespace();
    if (text[at] === ']') {
      at++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[at] === ']') fail('expected another value after “,” (a trailing comma is not allowed in JSON)');
      value();
      skipWhitespace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        return;
      }
      fail(`expected “,” or “]” after a list item, found ${found()}`);
    }
  }

  function string() {
    const start = at;
    at++; // "
    while (at < text.length) {
      const char = text[at] ?? '';
      if (char === '"') {
        at++;
        return;
      }
      if (char === '\\') {
        const escaped = text[at + 1] ?? '';
        if ('"\\/bfnrt'.includes(escaped) && escaped !== '') at += 2;
        else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else fail('invalid escape sequence in a string (write a backslash as “\\\\”)');
        continue;
      }
      if (char === '\n' || char === '\r') fail('a string runs to the end of the line: its closing “"” is missing');
      if (char.charCodeAt(0) < 0x20) fail('a string holds a control character (write a tab as “\\t”)');
      at++;
    }
    fail('a string is never closed: its closing “"” is missing', start);
  }

  function number() {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match || match[0] === '-') fail(`expected a number, found ${found(at + 1)}`, at + 1);
    at += match[0].length;
  }

  try {
    value();
    skipWhitespace();
    if (at < text.length) fail(`expected the end of the file after the JSON value, found ${found()}`);
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    return { ...lineAndColumn(text, error.offset), reason: error.reason };
  }
}

/**
 * `findJsonSyntaxError` for text that `JSON.parse` just refused: null when the scanner cannot say
 * either (nesting deeper than its stack allows), and the caller falls back on JSON.parse's words.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    return findJsonSyntaxError(text);
  } catch {
    return null;
  }
}
