// Event ingestion through the real server (HTTP → resolver → SQL), on SQLite, on one SQLite file
// shared by two server processes, and on PostgreSQL, next to a baseline measured in the same run
// against the same servers: the same number of trivial requests (`GET /api/v1/healthz`), i.e. what
// HTTP alone costs.
//
// Run after `pnpm build`: `pnpm --filter @idr/bench bench:ingest` (BENCH_INGEST_EVENTS to change the count).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateStream } from './stream.ts';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 5_000);
const BATCH = 100;
const CONCURRENCY = 8;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const serverMain = resolve(import.meta.dirname, '../apps/server/dist/main.js');

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverMain], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill();
  throw new Error(`the server on ${databaseUrl.split(':')[0]} did not start`);
}

/** Runs `count` requests made by `request(i)`, `CONCURRENCY` at a time; returns the elapsed ms. */
async function timed(count: number, request: (i: number) => Promise<Response>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const response = await request(i);
        if (!response.ok) throw new Error(`request ${i}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return performance.now() - started;
}

/** Ingestion figures of the servers on `ports`, all on one database; requests go to each in turn. */
async function measure(label: string, databaseUrl: string, ports: number[]): Promise<string[]> {
  const servers: ChildProcess[] = [];
  // One after the other: the first creates the schema and the default space.
  for (const port of ports) servers.push(await startServer(databaseUrl, port));
  const base = (i: number) => `http://127.0.0.1:${ports[i % ports.length]}/api/v1`;
  const post = (i: number, body: unknown) =>
    fetch(`${base(i)}/spaces/default/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    const { events } = generateStream(EVENTS * 2);
    const singles = events.slice(0, EVENTS);
    const batched = events.slice(EVENTS);
    const health = await timed(EVENTS, (i) => fetch(`${base(i)}/healthz`));
    const single = await timed(singles.length, (i) => post(i, singles[i]));
    const batches = Math.ceil(batched.length / BATCH);
    const batch = await timed(batches, (i) => post(i, { batch: batched.slice(i * BATCH, (i + 1) * BATCH) }));
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
    return [
      `${label}: baseline GET /healthz   ${rate(EVENTS, health)} requests/s`,
      `${label}: one event per request   ${rate(singles.length, single)} events/s  (${(single / health).toFixed(1)}x the baseline time)`,
      `${label}: batches of ${BATCH}          ${rate(batched.length, batch)} events/s  (${(batch / health).toFixed(1)}x the baseline time)`,
    ];
  } finally {
    for (const server of servers) server.kill('SIGTERM');
  }
}

const lines: string[] = [`events per mode: ${EVENTS}, ${CONCURRENCY} requests in flight`];
const dir = mkdtempSync(join(tmpdir(), 'idr-bench-'));
try {
  lines.push(...(await measure('sqlite  ', `sqlite:${join(dir, 'bench.sqlite')}`, [4391])));
  // Two processes writing one file wait for each other's lock (apps/server/src/store/lock-wait.ts).
  lines.push(...(await measure('sqlite×2', `sqlite:${join(dir, 'shared.sqlite')}`, [4393, 4394])));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const database = `idr_bench_${process.pid}`;
try {
  execFileSync('psql', [POSTGRES, '-qc', `create database ${database}`], { stdio: 'ignore' });
} catch {
  lines.push(`postgres: not reachable at ${POSTGRES} — not measured`);
  console.log(lines.join('\n'));
  process.exit(0);
}
try {
  lines.push(...(await measure('postgres', `${POSTGRES}/${database}`, [4392])));
} finally {
  execFileSync('psql', [POSTGRES, '-qc', `drop database if exists ${database} with (force)`], { stdio: 'ignore' });
}
console.log(lines.join('\n'));
