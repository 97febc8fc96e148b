import { routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { EventsService } from './events.service.ts';

/** Routes of event resolution (SPEC §7, §9). */
export function eventsRouter(service: EventsService): Router {
  const router = Router();
  mountRoute(router, routes.ingestEvents, async ({ params, body }) => ({
    body: { results: await service.ingest(params.space, body) },
  }));
  mountRoute(router, routes.previewEvent, async ({ params, body }) => ({
    body: await service.preview(params.space, body),
  }));
  return router;
}
