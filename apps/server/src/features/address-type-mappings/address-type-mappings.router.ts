import { routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import type { AddressTypeMappingsService } from './address-type-mappings.service.ts';
import { refusedMappingIssues } from './mapping-body-issues.ts';

/** Routes of the address-type mapping (SPEC §4, §9). */
export function addressTypeMappingsRouter(service: AddressTypeMappingsService): Router {
  const router = Router();
  mountRoute(router, routes.getAddressTypeMappings, async ({ params }) => {
    const response = await service.get(params.space);
    return { body: response, version: response.version };
  });
  mountRoute(
    router,
    routes.putAddressTypeMappings,
    async ({ params, body, ifMatch, actor }) => {
      const response = await service.put(params.space, body, { ifMatch, actor });
      return { body: response, version: response.version };
    },
    { refusedBodyIssues: refusedMappingIssues },
  );
  return router;
}
