import { ConfigurationError } from './configuration-error.ts';
import { errorCode, isDatabaseUnavailable } from './store/database-errors.ts';

/**
 * Why the server could not start, for the person who started it. A setting to change or a
 * database to start or create is a situation to fix, not a bug, so it gets a sentence instead of
 * a stack trace; anything else is a bug and keeps its stack.
 */
export function describeStartupFailure(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigurationError) return reason;
  if (isDatabaseUnavailable(error)) return `the database does not answer (${reason}). Start it, or check DATABASE_URL.`;
  // PostgreSQL's SQLSTATE: the database named in the URL does not exist (3D000), or the server
  // refused the user or its password (28000, 28P01).
  const code = errorCode(error);
  if (code === '3D000') return `${reason}. Create it with createdb, or check DATABASE_URL.`;
  if (code === '28000' || code === '28P01') return `the database refused to sign in (${reason}). Check DATABASE_URL.`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
