import { createServer, type Server, Socket } from 'node:net';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createSpacesService } from '../features/spaces/spaces.service.ts';
import { openDatabase } from '../store/database.ts';
import { createStore, type Store } from '../store/store.ts';
import { expectProblem } from '../test-support/expect-problem.ts';
import {
  availableStoreKinds,
  openSharedSqliteFile,
  openTestStore,
  type StoreKind,
} from '../test-support/test-stores.ts';

const kinds = await availableStoreKinds();

/** A store the test can make unavailable, then available again, for real. */
interface Outage {
  store: Store;
  /** Whether reads fail too during the outage (a PostgreSQL that is gone), or only writes (a locked SQLite file). */
  readsFail: boolean;
  begin(): Promise<void>;
  end(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * PostgreSQL behind a TCP proxy: closing the proxy cuts the pooled connections and refuses new
 * ones, as a database restart or a network failure does; reopening it on the same port brings the
 * database back.
 */
async function postgresOutage(): Promise<Outage> {
  const target = await openTestStore('postgres');
  const upstream = new URL(target.url);
  const sockets = new Set<Socket>();
  let proxy: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      proxy = createServer((client) => {
        const server = new Socket();
        sockets.add(client).add(server);
        server.connect(Number(upstream.port), upstream.hostname);
        client.pipe(server).pipe(client);
        const close = () => {
          client.destroy();
          server.destroy();
        };
        client.on('error', close).on('close', close);
        server.on('error', close).on('close', close);
      });
      proxy.listen(port, '127.0.0.1', () => {
        port = (proxy!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const viaProxy = new URL(target.url);
  viaProxy.port = String(port);
  const store = createStore(openDatabase(viaProxy.toString()));
  return {
    store,
    readsFail: true,
    async begin() {
      // `close` waits for open connections to end: cut them, as a database that goes away does.
      const closed = new Promise<void>((resolve) => proxy!.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    end: listen,
    async dispose() {
      await store.close();
      await target.dispose();
    },
  };
}

/**
 * SQLite with its file locked by a second connection (another process, a backup tool): writes
 * wait for the lock, a wait shortened here to keep the test quick, then fail; reads go on (WAL).
 */
async function sqliteOutage(): Promise<Outage> {
  const { store, other, dispose } = await openSharedSqliteFile({ lockWaitMs: 100 });
  return {
    store,
    readsFail: false,
    async begin() {
      other.exec('begin immediate');
    },
    async end() {
      other.exec('rollback');
    },
    dispose,
  };
}

const outages: Record<StoreKind, () => Promise<Outage>> = { postgres: postgresOutage, sqlite: sqliteOutage };

describe.each(kinds)('a database that stops answering, on %s', (kind) => {
  let outage: Outage;
  let http: ReturnType<typeof request>;
  // The server's log, one parsed JSON line each.
  const logged: { level: number; msg: string; req?: { id: string }; err?: { message: string } }[] = [];
  beforeAll(async () => {
    outage = await outages[kind]();
    await createSpacesService(outage.store, () => new Date()).ensureDefaultSpace();
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    http = request(createApp({ store: outage.store, logger }));
  });
  afterAll(() => outage.dispose());

  const sendEvent = (userId: string) =>
    http.post('/api/v1/spaces/default/events').send({ type: 'identify', messageId: `m-${userId}`, userId });

  it('answers 503 database_unavailable with Retry-After, not 500, and works again once it is back', async () => {
    expect((await sendEvent('before')).body.results[0].outcome).toBe('created');

    await outage.begin();
    const during = await sendEvent('during');
    const problem = expectProblem(during, 503, 'database_unavailable');
    expect(during.headers['retry-after']).toBe('5');
    expect(problem.title).toBe('The database is unavailable');
    expect(problem.detail).toBe(
      'It did not answer, so this change may not have been saved. Try again in a few seconds.',
    );
    // The driver's words stay in the log: nothing about the database's address reaches the client.
    expect(during.text).not.toMatch(/ECONNREFUSED|5432|locked|SQLITE/);
    // The log has one line for the request, at error level, with the driver's own error.
    const lines = logged.filter((line) => line.req?.id === problem.requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'request failed: the database is unavailable' });
    expect(lines[0]!.err?.message).toMatch(kind === 'postgres' ? /ECONNREFUSED|Connection terminated/ : /locked/);
    const settingsWrite = await http
      .patch('/api/v1/spaces/default/identifiers/email')
      .send({ displayName: 'Email address' });
    expectProblem(settingsWrite, 503, 'database_unavailable');
    if (outage.readsFail) {
      const read = expectProblem(await http.get('/api/v1/spaces/default/identifiers'), 503, 'database_unavailable');
      expect(read.detail).toBe('It did not answer. Try again in a few seconds.');
      expectProblem(await http.get('/api/v1/readyz'), 503, 'not_ready');
    } else {
      await http.get('/api/v1/spaces/default/identifiers').expect(200);
    }

    await outage.end();
    // The same event again: it did not take effect during the outage, so it is new now, not a duplicate.
    expect((await sendEvent('during')).body.results[0].outcome).toBe('created');
    await http.get('/api/v1/readyz').expect(200);
  });
});

describe('a PostgreSQL address that accepts connections and never answers (packets dropped)', () => {
  let silent: Server;
  let store: Store;
  const held: Socket[] = [];
  beforeAll(async () => {
    // Takes the connection and says nothing, as a host behind a firewall that drops packets seems to.
    silent = createServer((socket) => {
      held.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    store = createStore(
      openDatabase(`postgres://postgres@127.0.0.1:${port}/idr`, undefined, { connectionTimeoutMs: 300 }),
    );
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await store.close().catch(() => undefined);
  });

  it('answers 503 database_unavailable once the connection timeout passes, instead of holding the request', async () => {
    const http = request(createApp({ store, logger: pino({ level: 'silent' }) }));
    const started = performance.now();
    const response = await http.get('/api/v1/spaces');
    expectProblem(response, 503, 'database_unavailable');
    expect(response.headers['retry-after']).toBe('5');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('a SQLite file another process writes to for a moment', () => {
  it('holds the event until the lock is released, answers other requests meanwhile, then saves it', async () => {
    const { store, other, dispose } = await openSharedSqliteFile();
    try {
      await createSpacesService(store, () => new Date()).ensureDefaultSpace();
      const http = request(createApp({ store, logger: pino({ level: 'silent' }) }));
      other.exec('begin immediate');
      let answered = false;
      const event = http
        .post('/api/v1/spaces/default/events')
        .send({ type: 'identify', messageId: 'm-locked', userId: 'u-locked' })
        .then((response) => {
          answered = true;
          return response;
        });
      // The event waits for the lock; the server is not frozen meanwhile.
      await http.get('/api/v1/spaces/default/identifiers').expect(200);
      await http.get('/api/v1/healthz').expect(200);
      expect(answered).toBe(false);
      other.exec('commit');
      const response = await event;
      expect(response.status).toBe(200);
      expect(response.body.results[0].outcome).toBe('created');
    } finally {
      await dispose();
    }
  });
});
