import { fieldError } from './app-error.ts';

// Page cursors are time-ordered row ids (see store/ids.ts) with the list they page through,
// wrapped so that clients treat them as opaque.
const SORTABLE_ID = /^[0-9a-z]{13}[0-9a-f]{12}$/;

/**
 * Wraps a row id of the list `list` (e.g. `audit:<space>`) as an opaque page cursor. The list is
 * part of the cursor so that one given out by another list (another space's audit log, another
 * profile's events) is refused rather than read as a place in this one.
 */
export function encodeCursor(list: string, id: string): string {
  return Buffer.from(`${list}\n${id}`, 'utf8').toString('base64url');
}

/**
 * Unwraps a page cursor of `list`, or of one of several names of the same list (a profile's events
 * asked for by a merged id or by its survivor); a cursor no such list gave out is a 400 on `cursor`.
 */
export function decodeCursor(list: string | readonly string[], cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const newline = text.lastIndexOf('\n');
  const id = text.slice(newline + 1);
  if (newline < 0 || !SORTABLE_ID.test(id)) throw fieldError('cursor', 'Not a cursor this API gave out');
  const from = text.slice(0, newline);
  if (typeof list === 'string' ? from !== list : !list.includes(from)) {
    throw fieldError('cursor', 'This cursor pages through another list: use the nextCursor of this one');
  }
  return id;
}

/** Cuts a list read with one extra row into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(
  list: string,
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(list, last.id) : null };
}
