/** The `code` a database driver puts on its errors (SQLSTATE, `SQLITE_…`, a socket's `E…`), or `''`. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
}

// A primary key or unique constraint refused a row (PostgreSQL's SQLSTATE, better-sqlite3's extended codes).
const UNIQUE_VIOLATIONS = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

/** Whether a row was refused because another with the same key exists (often a concurrent insert). */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has(errorCode(error));
}

// The socket could not reach the server, or lost it (node's `net` error codes).
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// PostgreSQL: the server is shutting down, restarting or still starting (57P01–57P03).
const SHUTTING_DOWN = new Set(['57P01', '57P02', '57P03']);
// SQLite: the file stayed locked by another process past the lock wait (store/lock-wait.ts), the
// disk is full, or the file cannot be read or opened (extended I/O codes start with SQLITE_IOERR).
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN)/;
// node-postgres says so in words: the server closed a connection it was using, or no connection
// could be had within the pool's connection timeout.
const CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect)/;

function isUnavailableError(error: unknown): boolean {
  const code = errorCode(error);
  if (UNREACHABLE.has(code) || SHUTTING_DOWN.has(code) || SQLITE_UNAVAILABLE.test(code)) return true;
  // SQLSTATE classes 08 (connection exception) and 53 (insufficient resources: too many
  // connections, disk full, out of memory).
  if (/^(08|53)[0-9A-Z]{3}$/.test(code)) return true;
  return error instanceof Error && CONNECTION_LOST.test(error.message);
}

/**
 * Whether an error means the database could not take the request right now (PostgreSQL down,
 * restarting, unreachable or out of connections; SQLite locked by another process or out of
 * disk), as opposed to a fault in the request or the code: the same request may well succeed a
 * little later, so the API answers 503 with `Retry-After` rather than 500. Follows `cause`, as a
 * wrapper may keep the driver's error there.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isUnavailableError(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
