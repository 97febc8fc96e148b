import { routes } from '@idr/contracts';
import { Router } from 'express';
import { mountRoute } from '../../http/mount-route.ts';
import { refusedLookupIssues } from './lookup-body-issues.ts';
import type { ProfilesService } from './profiles.service.ts';

/** Routes of profile lookups and reads (SPEC §8, §9). */
export function profilesRouter(service: ProfilesService): Router {
  const router = Router();
  mountRoute(
    router,
    routes.lookupProfiles,
    async ({ params, body }) => ({ body: await service.lookup(params.space, body) }),
    { refusedBodyIssues: refusedLookupIssues },
  );
  mountRoute(router, routes.getProfile, async ({ params }) => {
    const answer = await service.get(params.space, params.id);
    return 'redirectTo' in answer ? { redirect: answer.redirectTo } : { body: answer.profile };
  });
  mountRoute(router, routes.listProfileEvents, async ({ params, query }) => ({
    body: await service.events(params.space, params.id, query),
  }));
  return router;
}
