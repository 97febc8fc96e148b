import { randomUUID } from 'node:crypto';
import { OPENAPI_DOCUMENT_PATH, routes } from '@idr/contracts';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { addressTypeMappingsRouter } from './features/address-type-mappings/address-type-mappings.router.ts';
import { createAddressTypeMappingsService } from './features/address-type-mappings/address-type-mappings.service.ts';
import { auditRouter } from './features/audit/audit.router.ts';
import { createAuditService } from './features/audit/audit.service.ts';
import { eventsRouter } from './features/events/events.router.ts';
import { createEventsService } from './features/events/events.service.ts';
import { createResolverContextLoader } from './features/events/resolver-context.ts';
import { healthRouter } from './features/health/health.router.ts';
import { type BlockedRegexChecker, sharedBlockedRegexChecker } from './features/identifiers/blocked-regex-checker.ts';
import { identifiersRouter } from './features/identifiers/identifiers.router.ts';
import { createIdentifiersService } from './features/identifiers/identifiers.service.ts';
import { profilesRouter } from './features/profiles/profiles.router.ts';
import { createProfilesService } from './features/profiles/profiles.service.ts';
import { settingsRouter } from './features/settings/settings.router.ts';
import { createSettingsService } from './features/settings/settings.service.ts';
import { knownSpace } from './features/spaces/known-space.ts';
import { spacesRouter } from './features/spaces/spaces.router.ts';
import { createSpacesService } from './features/spaces/spaces.service.ts';
import { consoleStatic } from './http/console-static.ts';
import { errorHandler } from './http/error-handler.ts';
import { type HostPolicy, hostCheck } from './http/host-check.ts';
import { apiNotFound, apiOptions, notFound } from './http/not-found.ts';
import { requestLogger } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { Store } from './store/store.ts';

/** What the app is built from; tests pass their own. */
export interface AppDependencies {
  store: Store;
  logger: Logger;
  /** Folder of the built console; without it, `/` explains how to build it. */
  webDistDir?: string;
  now?: () => Date;
  /** Generates profile ids and missing message ids. */
  newId?: () => string;
  version?: string;
  /** Which `Host` names to answer (see host-check.ts); any when absent. */
  hostPolicy?: HostPolicy;
  /** Judges blocked-value regexes off the main thread; one shared by the process when absent. */
  regexChecker?: BlockedRegexChecker;
}

/** Builds the Express app: the API under /api/v1 and the console. Reads no environment. */
export function createApp({
  store,
  logger,
  webDistDir,
  now = () => new Date(),
  newId = randomUUID,
  version = '0.1.0',
  hostPolicy = { kind: 'any' },
  regexChecker = sharedBlockedRegexChecker(logger),
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // Settings resources carry their own strong ETags (the settings version); Express's body hashes would contradict them.
  app.set('etag', false);
  app.use(securityHeaders);
  app.use(requestLogger(logger));
  app.use(hostCheck(hostPolicy));
  // The OpenAPI document is served beside the route table; its path takes GET, as the others say.
  const apiPaths = { ...routes, openApiDocument: { method: 'GET', path: OPENAPI_DOCUMENT_PATH } } as const;
  app.use(apiOptions(apiPaths));

  app.use(healthRouter(store, version));
  // Before every router with `:space` routes, so that an unknown space answers 404 whatever the body.
  app.use(knownSpace(store));
  app.use(spacesRouter(createSpacesService(store, now)));
  app.use(identifiersRouter(createIdentifiersService(store, now, regexChecker)));
  app.use(addressTypeMappingsRouter(createAddressTypeMappingsService(store, now)));
  app.use(settingsRouter(createSettingsService(store, now, regexChecker)));
  app.use(auditRouter(createAuditService(store)));
  const loadResolverContext = createResolverContextLoader();
  app.use(eventsRouter(createEventsService(store, loadResolverContext, now, newId)));
  app.use(profilesRouter(createProfilesService(store, loadResolverContext, now, newId)));
  app.use('/api', apiNotFound(apiPaths));

  app.use(consoleStatic(webDistDir));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
