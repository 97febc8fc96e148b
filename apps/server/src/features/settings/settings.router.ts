import { routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { SettingsService } from './settings.service.ts';

/** Routes of settings export and import (SPEC §9). */
export function settingsRouter(service: SettingsService): Router {
  const router = Router();
  mountRoute(router, routes.getSettings, async ({ params }) => {
    const document = await service.export(params.space);
    return { body: document, version: document.version };
  });
  mountRoute(
    router,
    routes.putSettings,
    async ({ params, body, ifMatch, actor }) => {
      const document = await service.import(params.space, body, { ifMatch, actor });
      return { body: document, version: document.version };
    },
    { refusedBodyIssues: (body, schemaIssues) => service.refusedImportIssues(body, schemaIssues) },
  );
  return router;
}
