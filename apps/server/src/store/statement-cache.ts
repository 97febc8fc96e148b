import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements are kept: queries with IN lists and multi-row inserts vary in text. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * better-sqlite3 for Kysely's `SqliteDialect`, with prepared statements kept by SQL text. Kysely
 * prepares every query anew, and preparing cost ~15 % of the server's time when ingesting events
 * (docs/benchmarks.md); a statement is reusable once its previous run has returned. The least
 * recently used statement is dropped beyond `capacity`.
 */
export function withStatementCache(database: BetterSqlite3.Database, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot run again until it finishes.
      if (cached !== undefined && !cached.busy) {
        // Re-inserted, so the Map's order is least recently used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cached === undefined) {
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
