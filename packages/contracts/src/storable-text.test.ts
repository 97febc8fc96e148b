import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, mayHoldUnstorableText, unstorableTextProblem } from './storable-text.ts';

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
