import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSharedSqliteFile } from '../test-support/test-stores.ts';
import type { Store } from './store.ts';

// A second process writing the same SQLite file (another server, an operator's sqlite3 shell),
// played by a second connection.
describe('store.transaction on a SQLite file another process writes to', () => {
  let store: Store;
  let other: SqliteDatabase.Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, other, dispose } = await openSharedSqliteFile());
    await sql`insert into spaces (id, name, default_country, version, created_at, updated_at) values ('s', 'S', 'US', 1, '', '')`.execute(
      store.db,
    );
  });
  afterEach(() => dispose());

  it('waits for the other process to release its lock without blocking, then writes', async () => {
    other.exec('begin immediate');
    other.prepare(`update spaces set version = 10 where id = 's'`).run();
    let attempts = 0;
    let written = false;
    // An event's transaction: a read, then a write. It takes the write lock before it reads
    // (BEGIN IMMEDIATE), so it waits for the other process first and reads what that one wrote.
    const write = store
      .transaction(async (trx) => {
        attempts += 1;
        const { version } = await trx
          .selectFrom('spaces')
          .select('version')
          .where('id', '=', 's')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('spaces')
          .set({ version: Number(version) + 1 })
          .where('id', '=', 's')
          .execute();
      })
      .then(() => {
        written = true;
      });
    // While the write waits, the same process answers a read: its event loop is free.
    const { name } = await store.db.selectFrom('spaces').select('name').where('id', '=', 's').executeTakeFirstOrThrow();
    expect(name).toBe('S');
    expect(written).toBe(false);
    // The other process commits; the waiting write then goes through, on top of that commit.
    other.exec('commit');
    await write;
    // Run once: no read was wasted on a snapshot the other process's commit made stale.
    expect(attempts).toBe(1);
    expect(other.prepare(`select version from spaces where id = 's'`).get()).toEqual({ version: 11 });
  });

  it('waits while a statement that writes first meets the lock, too', async () => {
    other.exec('begin immediate');
    const write = store.transaction(async (trx) => {
      await trx.updateTable('spaces').set({ name: 'T' }).where('id', '=', 's').execute();
    });
    const { name } = await store.db.selectFrom('spaces').select('name').where('id', '=', 's').executeTakeFirstOrThrow();
    expect(name).toBe('S');
    other.exec('rollback');
    await write;
    expect(other.prepare(`select name from spaces where id = 's'`).get()).toEqual({ name: 'T' });
  });
});

describe('store.transaction on a SQLite file another process keeps locked', () => {
  it('gives up with SQLITE_BUSY once the lock wait has passed, and has written nothing', async () => {
    const { store, other, dispose } = await openSharedSqliteFile({ lockWaitMs: 200 });
    try {
      await sql`insert into spaces (id, name, default_country, version, created_at, updated_at) values ('s', 'S', 'US', 1, '', '')`.execute(
        store.db,
      );
      other.exec('begin immediate');
      let attempts = 0;
      const started = performance.now();
      await expect(
        store.transaction(async (trx) => {
          attempts += 1;
          await trx.updateTable('spaces').set({ name: 'T' }).where('id', '=', 's').execute();
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(200);
      // It never had the lock, so it never ran: nothing was read or written.
      expect(attempts).toBe(0);
      other.exec('rollback');
      expect(other.prepare(`select name from spaces where id = 's'`).get()).toEqual({ name: 'S' });
    } finally {
      await dispose();
    }
  });
});
