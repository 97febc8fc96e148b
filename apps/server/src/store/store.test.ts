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

  it('starts over when the other process wrote after it began reading', async () => {
    let attempts = 0;
    await store.transaction(async (trx) => {
      attempts += 1;
      const { version } = await trx
        .selectFrom('spaces')
        .select('version')
        .where('id', '=', 's')
        .executeTakeFirstOrThrow();
      // Only the first attempt is overtaken: its read snapshot is then older than the file.
      if (attempts === 1) other.prepare(`update spaces set version = version + 1 where id = 's'`).run();
      await trx
        .updateTable('spaces')
        .set({ version: Number(version) + 1 })
        .where('id', '=', 's')
        .execute();
    });
    expect(attempts).toBe(2);
    // Both increments count: the retry read the other process's write.
    expect(other.prepare(`select version from spaces where id = 's'`).get()).toEqual({ version: 3 });
  });

  it('gives up at once when the other process keeps the file locked past the busy timeout', async () => {
    await sql`pragma busy_timeout = 50`.execute(store.db);
    other.exec('begin immediate');
    let attempts = 0;
    const started = performance.now();
    await expect(
      store.transaction(async (trx) => {
        attempts += 1;
        await trx.updateTable('spaces').set({ name: 'T' }).where('id', '=', 's').execute();
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('rollback');
    // One busy timeout, not eight of them back to back with the event loop blocked throughout.
    expect(attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
