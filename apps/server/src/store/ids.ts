import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * A time-ordered id: sorting ids sorts by creation time (within one process, strictly), which makes
 * them usable as page cursors without a database sequence.
 */
export function newSortableId(now: Date = new Date()): string {
  const millis = now.getTime();
  if (millis === lastMillis) sequence += 1;
  else {
    lastMillis = millis;
    sequence = 0;
  }
  return `${timePart(millis)}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

/** The lowest id of a moment: every id made earlier sorts below it, every id made then or later above. */
export function sortableIdBound(at: Date): string {
  return timePart(at.getTime());
}

// Milliseconds in base 36, fixed width, so that ids sort as text (until the year 5188).
function timePart(millis: number): string {
  return millis.toString(36).padStart(9, '0');
}
