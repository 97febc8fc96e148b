import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { availableStoreKinds, openTestStore } from '../test-support/test-stores.ts';
import { migrateToLatest, openDatabase } from './database.ts';

// PostgreSQL only: SQLite has no pooled connections to lose. Without PostgreSQL,
// availableStoreKinds() has already said so loudly (and fails under IDR_REQUIRE_POSTGRES=1).
const kinds = await availableStoreKinds();

describe.runIf(kinds.includes('postgres'))('the PostgreSQL pool', () => {
  it('survives idle connections killed by the server (restart, administrator) and reports them', async () => {
    const { url, dispose } = await openTestStore('postgres');
    const lost: Error[] = [];
    const handle = openDatabase(url, (error) => lost.push(error));
    try {
      await sql`select 1`.execute(handle.db); // leaves one idle connection in the pool
      const databaseName = new URL(url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [databaseName],
      );
      await admin.end();
      // Without the pool's error listener, this error would be unhandled and end the process.
      await expect.poll(() => lost.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(lost[0]?.message).toContain('terminating connection');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
      await dispose();
    }
  });
});

describe('migrating a SQLite file another process is writing', () => {
  it('waits for the lock without blocking, then migrates', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'idr-migrate-'));
    const file = join(folder, 'idr.sqlite');
    const other = new SqliteDatabase(file);
    other.pragma('journal_mode = WAL');
    const handle = openDatabase(`sqlite:${file}`);
    try {
      other.exec('begin immediate');
      // Released by a timer: only a migration that waits with the event loop free lets it fire.
      setTimeout(() => other.exec('commit'), 200);
      await migrateToLatest(handle.db);
      const tables = await sql<{ name: string }>`select name from sqlite_master where name = 'spaces'`.execute(
        handle.db,
      );
      expect(tables.rows).toEqual([{ name: 'spaces' }]);
    } finally {
      other.close();
      await handle.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
