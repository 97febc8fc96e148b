import { API_PREFIX, routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { IdentifiersService } from './identifiers.service.ts';

/** Routes of identifier settings (SPEC §2, §9). */
export function identifiersRouter(service: IdentifiersService): Router {
  const router = Router();
  mountRoute(router, routes.listIdentifiers, async ({ params }) => {
    const list = await service.list(params.space);
    return { body: list, version: list.version };
  });
  mountRoute(router, routes.createIdentifier, async ({ params, body, ifMatch, actor }) => {
    const { result, version } = await service.create(params.space, body, { ifMatch, actor });
    return { body: result, version, location: `${API_PREFIX}/spaces/${params.space}/identifiers/${result.key}` };
  });
  mountRoute(router, routes.reorderIdentifiers, async ({ params, body, ifMatch, actor }) => {
    const { result, version } = await service.reorder(params.space, body, { ifMatch, actor });
    return { body: { identifiers: result, version }, version };
  });
  mountRoute(router, routes.getIdentifier, async ({ params }) => {
    const { identifier, version } = await service.get(params.space, params.key);
    return { body: identifier, version };
  });
  mountRoute(router, routes.updateIdentifier, async ({ params, body, ifMatch, actor }) => {
    const { result, version } = await service.update(params.space, params.key, body, { ifMatch, actor });
    return { body: result, version };
  });
  mountRoute(router, routes.deleteIdentifier, async ({ params, ifMatch, actor }) => {
    const { version } = await service.remove(params.space, params.key, { ifMatch, actor });
    return { body: null, version };
  });
  mountRoute(router, routes.listUnrecognizedIdentifierTypes, async ({ params }) => ({
    body: await service.unrecognizedTypes(params.space),
  }));
  return router;
}
