// Lengths the SPEC gives in characters (the 255 of an identifier value, SPEC §6) count Unicode code
// points, as `messageId`'s 100 (zod) and JSON Schema's `maxLength` do: an emoji outside the Basic
// Multilingual Plane is one character, where `String#length` counts its two UTF-16 units.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** How many UTF-16 units the character at `index` takes: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}

/**
 * The UTF-16 index where the first `max` characters of `text` end (`text.length` if it has no
 * more): a surrogate pair counts once and is never split.
 */
function endOfCharacters(text: string, max: number): number {
  let index = 0;
  for (let count = 0; count < max && index < text.length; count++) index += unitsAt(text, index);
  return index;
}

/** Whether `text` has more than `max` characters (code points). */
export function exceedsCharacters(text: string, max: number): boolean {
  // No more units than `max`, so no more characters: the usual case, and no counting.
  if (text.length <= max) return false;
  return endOfCharacters(text, max) < text.length;
}

/** The first `max` characters (code points) of `text`; never half of a surrogate pair. */
export function cutToCharacters(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, endOfCharacters(text, max));
}

/** The number of characters (code points) in `text`. */
export function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; count++) index += unitsAt(text, index);
  return count;
}
