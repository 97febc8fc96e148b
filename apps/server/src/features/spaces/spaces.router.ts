import { API_PREFIX, routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { SpacesService } from './spaces.service.ts';

function withoutVersion<T extends { version: number }>({ version: _version, ...rest }: T) {
  return rest;
}

/** Routes of spaces (SPEC §9). */
export function spacesRouter(service: SpacesService): Router {
  const router = Router();
  mountRoute(router, routes.listSpaces, async () => ({ body: { spaces: await service.list() } }));
  mountRoute(router, routes.createSpace, async ({ body, actor }) => {
    const space = await service.create(body, actor);
    return { body: space, location: `${API_PREFIX}/spaces/${space.id}` };
  });
  mountRoute(router, routes.getSpace, async ({ params }) => {
    const space = await service.get(params.space);
    return { body: withoutVersion(space), version: space.version };
  });
  mountRoute(router, routes.updateSpace, async ({ params, body, ifMatch, actor }) => {
    const space = await service.update(params.space, body, { ifMatch, actor });
    return { body: withoutVersion(space), version: space.version };
  });
  return router;
}
