import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, cutToCharacters, exceedsCharacters } from './text-length.ts';

const EMOJI = '\u{1F600}';

describe('lengths in characters (code points)', () => {
  it('counts a surrogate pair once and a lone surrogate as one', () => {
    expect(characterCount('')).toBe(0);
    expect(characterCount(`a${EMOJI}b`)).toBe(3);
    expect(characterCount('\uD83D')).toBe(1);
    expect(characterCount('\uDE00\uD83D')).toBe(2);
  });

  it('tells whether a text is over a bound', () => {
    expect(exceedsCharacters('x'.repeat(255), 255)).toBe(false);
    expect(exceedsCharacters('x'.repeat(256), 255)).toBe(true);
    expect(exceedsCharacters(EMOJI.repeat(255), 255)).toBe(false);
    expect(exceedsCharacters(EMOJI.repeat(256), 255)).toBe(true);
  });

  it('cuts at a bound without splitting a pair', () => {
    expect(cutToCharacters(`ab${EMOJI}cd`, 3)).toBe(`ab${EMOJI}`);
    expect(cutToCharacters(`ab${EMOJI}cd`, 2)).toBe('ab');
    expect(cutToCharacters('short', 255)).toBe('short');
  });

  it('agrees with the string iterator, which walks code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(45), (text, max) => {
        const characters = [...text];
        expect(characterCount(text)).toBe(characters.length);
        expect(exceedsCharacters(text, max)).toBe(characters.length > max);
        expect(cutToCharacters(text, max)).toBe(characters.slice(0, max).join(''));
      }),
    );
  });
});
