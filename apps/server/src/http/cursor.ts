import { fieldError } from './app-error.ts';

// Page cursors are time-ordered row ids (see store/ids.ts), wrapped so clients treat them as opaque.
const SORTABLE_ID = /^[0-9a-z]{13}[0-9a-f]{12}$/;

/** Wraps a row id as an opaque page cursor. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Unwraps a page cursor; a cursor this API did not give out is a 400 on `cursor`. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SORTABLE_ID.test(id)) throw fieldError('cursor', 'Not a cursor this list gave out');
  return id;
}

/** Cuts a list read with one extra row into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
