import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { readEnv } from './env.ts';
import { startEventHistoryRetention } from './features/events/event-history-retention.ts';
import { createSpacesService } from './features/spaces/spaces.service.ts';
import { HTTP_SERVER_OPTIONS, handleClientErrors } from './http/client-error.ts';
import { hostPolicy } from './http/host-check.ts';
import { describeStartupFailure } from './startup-failure.ts';
import { migrateToLatest, openDatabase } from './store/database.ts';
import { createStore } from './store/store.ts';

const SHUTDOWN_GRACE_MS = 10_000;
// How long an idle keep-alive connection stays open. Node's 5 s default races clients that pool
// connections: a request sent on a pooled socket just as the server closes it fails with
// ECONNRESET (seen in our own end-to-end tests). Longer than the 60 s idle timeout of common
// load balancers and proxies, so that they, not the server, close idle connections.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

async function main(): Promise<void> {
  const env = readEnv();
  const logger = pino({ level: env.LOG_LEVEL });
  const store = createStore(
    openDatabase(env.DATABASE_URL, (error) => logger.warn({ err: error }, 'an idle database connection was lost')),
  );
  await migrateToLatest(store.db);
  if (await createSpacesService(store, () => new Date()).ensureDefaultSpace()) {
    logger.info('created the "default" space with the contact-center preset');
  }

  const retention =
    env.IDR_EVENT_HISTORY_DAYS === undefined
      ? null
      : startEventHistoryRetention({ store, days: env.IDR_EVENT_HISTORY_DAYS, logger });

  // dist/main.js and src/main.ts both sit one folder below apps/server.
  const webDistDir = env.IDR_WEB_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  const app = createApp({ store, logger, webDistDir, hostPolicy: hostPolicy(env.HOST, env.IDR_ALLOWED_HOSTS) });
  const server = createServer(HTTP_SERVER_OPTIONS, app).listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info({ url: `http://${env.HOST}:${port}/`, database: env.DATABASE_URL.split(':')[0] }, 'listening');
    // A plain line for people starting it from a terminal.
    process.stdout.write(`\nIdentity Resolution Console: http://${env.HOST}:${port}/\n\n`);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires the headers timeout to exceed the keep-alive timeout.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  // Requests Node cannot parse never reach Express; answer them with a problem too (SPEC §9).
  handleClientErrors(server, logger);
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still open after the grace period; closing anyway');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await retention?.stop();
      await store.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${describeStartupFailure(error)}\n`);
  process.exit(1);
});
