import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';
import { createSpacesService } from './features/spaces/spaces.service.ts';
import { migrateToLatest, openDatabase } from './store/database.ts';
import { newSortableId } from './store/ids.ts';
import { createStore } from './store/store.ts';
import { availableStoreKinds } from './test-support/test-stores.ts';

// A line of a stack trace (`    at main (…/main.ts:22:9)`): what a startup failure must not print.
const STACK_FRAME = /\bat .+\.(ts|js):\d+/;
const kinds = await availableStoreKinds();
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'idr-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts src/main.ts as a real process and collects what it prints. */
function startServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = async (): Promise<string> => {
    for (let i = 0; i < 200; i += 1) {
      const match = /Identity Resolution Console: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) return match[1];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`server did not start:\n${output}`);
  };
  return { child, exited, listening, output: () => output };
}

describe('readEnv', () => {
  it('applies the defaults of SPEC §11', () => {
    expect(readEnv({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:./data/idr.sqlite',
      LOG_LEVEL: 'info',
    });
  });
  it('lists every problem at once', () => {
    expect(() => readEnv({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
  it('reads the event history retention as a whole number of days, or none', () => {
    expect(readEnv({}).IDR_EVENT_HISTORY_DAYS).toBeUndefined();
    expect(readEnv({ IDR_EVENT_HISTORY_DAYS: '30' }).IDR_EVENT_HISTORY_DAYS).toBe(30);
    for (const wrong of ['0', '1.5', 'a week', '']) {
      expect(() => readEnv({ IDR_EVENT_HISTORY_DAYS: wrong })).toThrow(
        'IDR_EVENT_HISTORY_DAYS must be a whole number of days from 1 to 36500; leave it unset to keep the history',
      );
    }
  });
});

describe('the server process', () => {
  it('starts on a new SQLite file with the default space, serves, and stops cleanly on SIGTERM', async () => {
    const server = startServer({ PORT: '0', DATABASE_URL: `sqlite:${join(dataDir, 'first.sqlite')}` });
    const url = await server.listening();
    const ready = await fetch(`${url}api/v1/readyz`);
    expect(ready.status).toBe(200);
    const identifiers = (await (await fetch(`${url}api/v1/spaces/default/identifiers`)).json()) as {
      identifiers: unknown[];
    };
    expect(identifiers.identifiers).toHaveLength(4);
    expect(server.output()).toContain('created the \\"default\\" space');
    // On 127.0.0.1 by default, it answers only requests addressed to this machine (DNS rebinding).
    const rebound = await new Promise<number | undefined>((resolve, reject) => {
      get(`${url}api/v1/spaces`, { headers: { Host: 'attacker.example' } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    expect(rebound).toBe(403);
    // A blocked regex is judged in the worker thread, which then does not hold the process at exit.
    const refused = await fetch(`${url}api/v1/spaces/default/identifiers/email`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blockedValues: [{ value: '(a+)+$', match: 'regex' }] }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/catastrophic backtracking/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
  });

  it("keeps an idle keep-alive connection open past Node's 5-second default, so pooled sockets are not reset", async () => {
    const server = startServer({ PORT: '0', DATABASE_URL: `sqlite:${join(dataDir, 'keep-alive.sqlite')}` });
    const url = await server.listening();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const request = (path: string) =>
      new Promise<{ status: number | undefined; reusedSocket: boolean; keepAlive: string | string[] | undefined }>(
        (resolve, reject) => {
          const sent = get(`${url}${path}`, { agent }, (response) => {
            response.resume();
            response.on('end', () =>
              resolve({
                status: response.statusCode,
                reusedSocket: sent.reusedSocket,
                keepAlive: response.headers['keep-alive'],
              }),
            );
          });
          sent.on('error', reject);
        },
      );
    try {
      const first = await request('api/v1/healthz');
      expect(first).toMatchObject({ status: 200, reusedSocket: false, keepAlive: 'timeout=65' });
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      // With Node's default the server has closed this socket by now.
      expect(await request('api/v1/healthz')).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 20_000);

  it('with IDR_EVENT_HISTORY_DAYS, deletes the event history older than that when it starts', async () => {
    const file = join(dataDir, 'retention.sqlite');
    const store = createStore(openDatabase(`sqlite:${file}`));
    await migrateToLatest(store.db);
    await createSpacesService(store, () => new Date()).ensureDefaultSpace();
    const receivedAt = Date.now() - 40 * 24 * 60 * 60 * 1000;
    await store.db
      .insertInto('profile_events')
      .values({
        space_id: 'default',
        id: newSortableId(new Date(receivedAt)),
        profile_id: 'p1',
        message_id: 'm1',
        type: 'track',
        outcome: 'created',
        received_at: receivedAt,
        event: '{"type":"track"}',
      })
      .execute();
    await store.close();

    const server = startServer({ PORT: '0', DATABASE_URL: `sqlite:${file}`, IDR_EVENT_HISTORY_DAYS: '30' });
    await server.listening();
    await expect.poll(() => server.output()).toContain('"deleted":1,"retentionDays":30');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('two processes on one SQLite file: concurrent events about one customer make one profile, with no 503', async () => {
    const databaseUrl = `sqlite:${join(dataDir, 'two-processes.sqlite')}`;
    const servers = [startServer({ PORT: '0', DATABASE_URL: databaseUrl })];
    const first = await servers[0]!.listening();
    servers.push(startServer({ PORT: '0', DATABASE_URL: databaseUrl }));
    const urls = [first, await servers[1]!.listening()];
    try {
      // 40 events at once, alternating processes: one customer seen on 8 devices. Each process's
      // writes meet the other's lock; they wait for it (store/lock-wait.ts) instead of failing.
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          fetch(`${urls[i % 2]}api/v1/spaces/default/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'identify',
              anonymousId: `device-${i % 8}`,
              traits: { email: 'jane@example.com' },
            }),
          }),
        ),
      );
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(
        responses.map((response) => response.status),
        bodies.join('\n'),
      ).toEqual(Array(40).fill(200));
      const profileIds = new Set(bodies.map((body) => JSON.parse(body).results[0].profileId));
      expect(profileIds.size).toBe(1);
      const lookup = await fetch(`${urls[1]}api/v1/spaces/default/profiles/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'email', value: 'jane@example.com' }),
      });
      const { profiles } = (await lookup.json()) as { profiles: { identifiers: { key: string }[] }[] };
      expect(profiles).toHaveLength(1);
      // The preset allows 5 anonymous ids a week: the rest were demoted, none went to another profile.
      expect(profiles[0]!.identifiers.filter((identifier) => identifier.key === 'anonymous_id')).toHaveLength(5);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
    }
    for (const server of servers) expect(await server.exited).toBe(0);
  });

  it('refuses to start with a bad configuration and says why', async () => {
    const server = startServer({ PORT: '0', DATABASE_URL: 'mysql://nope' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('DATABASE_URL must start with sqlite: or postgres://');
    expect(server.output()).not.toMatch(STACK_FRAME);
  });

  it('refuses to start with malformed variables, listing each in a sentence without a stack', async () => {
    const server = startServer({ PORT: '0', IDR_EVENT_HISTORY_DAYS: '0', IDR_API_TOKEN: 'short' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Failed to start: Invalid configuration:');
    expect(server.output()).toContain('IDR_API_TOKEN needs at least 16 characters');
    expect(server.output()).toContain('IDR_EVENT_HISTORY_DAYS must be a whole number of days');
    expect(server.output()).not.toMatch(STACK_FRAME);
  });

  // Needs PostgreSQL's own answer; without it availableStoreKinds says so (or fails the run).
  it.runIf(kinds.includes('postgres'))(
    'refuses to start on a PostgreSQL database that does not exist, and says to create it',
    async () => {
      const server = startServer({
        PORT: '0',
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/idr_missing_${process.pid}`,
      });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(
        `Failed to start: database "idr_missing_${process.pid}" does not exist. Create it with createdb, or check DATABASE_URL.`,
      );
      expect(server.output()).not.toMatch(STACK_FRAME);
    },
  );

  it('refuses to start when the database does not answer, and says so in a sentence', async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    const server = startServer({ PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/idr' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(
      'Failed to start: the database does not answer (connect ECONNREFUSED 127.0.0.1:1). Start it, or check DATABASE_URL.',
    );
    expect(server.output()).not.toMatch(STACK_FRAME);
  });
});
