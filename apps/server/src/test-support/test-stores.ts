import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Express } from 'express';
import pg from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../app.ts';
import { migrateToLatest, openDatabase } from '../store/database.ts';
import { createStore, type Store } from '../store/store.ts';

/** The stores the integration suite runs against. */
export type StoreKind = 'sqlite' | 'postgres';

const POSTGRES_ADMIN_URL = process.env.IDR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * SQLite always; PostgreSQL when it answers. With IDR_REQUIRE_POSTGRES=1 (the README's test command
 * sets it) an unreachable PostgreSQL fails the run instead of shrinking it.
 */
export async function availableStoreKinds(): Promise<StoreKind[]> {
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  const message = `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: the integration suite runs on SQLite only.`;
  if (process.env.IDR_REQUIRE_POSTGRES === '1') throw new Error(`${message} (IDR_REQUIRE_POSTGRES=1)`);
  process.stderr.write(`\n*** ${message} Start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start\n\n`);
  return ['sqlite'];
}

/** A migrated store in its own fresh database; `dispose` closes it and drops the database. */
export async function openTestStore(
  kind: StoreKind,
): Promise<{ store: Store; url: string; dispose: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const store = createStore(openDatabase('sqlite::memory:'));
    await migrateToLatest(store.db);
    return { store, url: 'sqlite::memory:', dispose: () => store.close() };
  }
  const name = `idr_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const store = createStore(openDatabase(url.toString()));
  await migrateToLatest(store.db);
  return {
    store,
    url: url.toString(),
    async dispose() {
      await store.close();
      const cleaner = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** An app over a test store, driven through real HTTP by supertest. */
export interface TestApp {
  app: Express;
  store: Store;
  /** The database URL (a second app on the same PostgreSQL database plays a second server process). */
  url: string;
  http: ReturnType<typeof request>;
  dispose: () => Promise<void>;
}

export async function createTestApp(kind: StoreKind, options: { now?: () => Date } = {}): Promise<TestApp> {
  const { store, url, dispose } = await openTestStore(kind);
  const app = createApp({ store, logger: pino({ level: 'silent' }), now: options.now });
  return { app, store, url, http: request(app), dispose };
}

let spaceCounter = 0;

/** Creates a fresh space (contact-center preset unless told) and returns its id. */
export async function createSpace(http: TestApp['http'], body: Record<string, unknown> = {}): Promise<string> {
  spaceCounter += 1;
  const id = `s${spaceCounter}-${randomBytes(3).toString('hex')}`;
  const response = await http.post('/api/v1/spaces').send({ id, name: `Space ${id}`, ...body });
  if (response.status !== 201) throw new Error(`creating space ${id}: ${response.status} ${response.text}`);
  return id;
}

/**
 * A migrated store on a SQLite file of its own, and a second connection to the same file that
 * plays another process (a second server, an operator's sqlite3 shell); `dispose` closes both and
 * deletes the file. `lockWaitMs` shortens how long the store waits for the other's lock.
 */
export async function openSharedSqliteFile({ lockWaitMs }: { lockWaitMs?: number } = {}): Promise<{
  store: Store;
  other: SqliteDatabase.Database;
  dispose: () => Promise<void>;
}> {
  const folder = mkdtempSync(join(tmpdir(), 'idr-shared-'));
  const file = join(folder, 'idr.sqlite');
  const store = createStore(openDatabase(`sqlite:${file}`, undefined, { lockWaitMs }));
  await migrateToLatest(store.db);
  const other = new SqliteDatabase(file);
  return {
    store,
    other,
    async dispose() {
      other.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
