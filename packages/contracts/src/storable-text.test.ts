import { describe, expect, it } from 'vitest';
import {
  findUnstorableText,
  isStorableText,
  mayHoldUnstorableText,
  RESERVED_KEY_MESSAGE,
  unstorableTextProblem,
} from './storable-text.ts';

describe('storable text', () => {
  it('accepts any well-formed Unicode without NUL, astral characters and other controls included', () => {
    for (const text of ['', 'plain', 'émoji 😀', '\u{10FFFF}', 'tab\there', '\u0001', 'a\\u0000b']) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('refuses NUL and lone surrogates of either half, and says which', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    for (const text of ['\ud800', 'x\udfff', '\ude00\ud83d', '😀'.charAt(0)]) {
      expect(unstorableTextProblem(text), JSON.stringify(text)).toMatch(/lone UTF-16 surrogate/);
    }
  });

  it('finds the first such string or key in a value, with its path', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\u0000' }] })).toEqual({
      path: ['a', 1, 'b'],
      message: 'Must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableText({ traits: { 'k\ud800': 1 } })).toEqual({
      path: ['traits', 'k\ud800'],
      message: 'Its key must not contain a lone UTF-16 surrogate: it is not valid Unicode',
    });
    expect(findUnstorableText({ a: [1, null, true, 'fine'] })).toBeNull();
  });

  it('walks a value nested far deeper than the call stack allows, in linear time', () => {
    // 200,000 levels: recursion overflows the stack (from ~3,500 levels a settings import did,
    // a 500), and copying the path at every level would take minutes.
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = i % 2 === 0 ? [deep] : { k: deep };
    const found = findUnstorableText({ note: deep });
    expect(found?.path).toHaveLength(200_001);
    expect(found?.path.slice(0, 3)).toEqual(['note', 'k', 0]);
    expect(found?.message).toMatch(/NUL/);
    let clean: unknown = 'fine';
    for (let i = 0; i < 200_000; i++) clean = [clean];
    expect(findUnstorableText(clean)).toBeNull();
  });

  it('refuses a "__proto__" key, which parsing would drop, at any depth', () => {
    // JSON.parse makes it an own key; an object literal would set the prototype instead.
    const body = JSON.parse('{"displayName":"ok","rules":[{"__proto__":{"polluted":true}}]}');
    expect(findUnstorableText(body)).toEqual({ path: ['rules', 0, '__proto__'], message: RESERVED_KEY_MESSAGE });
    expect(findUnstorableText({ note: '__proto__', proto: 1 })).toBeNull();
  });

  it('reports the first problem in document order, a key before what follows it', () => {
    expect(findUnstorableText({ a: 'x\u0000', 'b\u0000': 1 })?.path).toEqual(['a']);
    expect(findUnstorableText({ 'a\u0000': 'y\u0000', b: 1 })?.message).toMatch(/^Its key/);
    expect(findUnstorableText({ a: [{}, ['\ud800']] }, ['body'])?.path).toEqual(['body', 'a', 1, 0]);
  });

  it('reads the JSON text of a value to skip the walk when nothing can be wrong', () => {
    expect(mayHoldUnstorableText(JSON.stringify({ a: 'x\u0000' }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: '\udc00' }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: '😀 and \u0001' }))).toBe(false);
    // A backslash sent as text may look like an escape: the walk then decides.
    const lookalike = { a: '\\u0000' };
    expect(mayHoldUnstorableText(JSON.stringify(lookalike))).toBe(true);
    expect(findUnstorableText(lookalike)).toBeNull();
  });
});
