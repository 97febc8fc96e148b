import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'expected another property after “,” (a trailing comma is not allowed in JSON)'],
    ['[1, 2,]', 1, 7, 'expected another value after “,” (a trailing comma is not allowed in JSON)'],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found “'”"],
    ['{"a" 1}', 1, 6, 'expected “:” after the property name, found “1”'],
    ['{"a": tru}', 1, 7, 'expected a value, found “t”'],
    ['{"a": "b\n"}', 1, 9, 'a string runs to the end of the line: its closing “"” is missing'],
    ['{"a": "b', 1, 7, 'a string is never closed: its closing “"” is missing'],
    ['{"a": 1', 1, 8, 'expected “,” or “}” after a property value, found the end of the file'],
    ['{} {}', 1, 4, 'expected the end of the file after the JSON value, found “{”'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape sequence in a string (write a backslash as “\\\\”)'],
    ['{"a": -}', 1, 8, 'expected a number, found “}”'],
    ['', 1, 1, 'expected a value, found the end of the file'],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', '"x"', '-0.5e+3', 'null', ' {"a": [true, false, null, "\\u00e9"]} ']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('counts lines ended by \\n, \\r\\n or \\r', () => {
    expect(lineAndColumn('a\r\nb\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});
