import { API_PREFIX, SpaceIdSchema } from '@idr/contracts';
import express, { type RequestHandler, type Router } from 'express';
import { findSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace } from '../settings/settings-write.ts';

/**
 * SPEC §9: every `:space` route answers 404 `space_not_found` for an unknown space. Checked before
 * a route reads or validates its body, so that an unknown space is never reported as a bad body.
 */
export function knownSpace(store: Store): Router {
  const check: RequestHandler = async (req, _res, next) => {
    const spaceId = String(req.params.space);
    // An id no space can have is not looked up: the database may refuse it as text (NUL).
    const space = SpaceIdSchema.safeParse(spaceId).success ? await findSpace(store.db, spaceId) : undefined;
    requireSpace(space, spaceId);
    next();
  };
  const router = express.Router();
  router.use(`${API_PREFIX}/spaces/:space`, check);
  return router;
}
