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
  return `${millis.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}
