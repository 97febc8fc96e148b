import { API_PREFIX } from '@idr/contracts';
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
    requireSpace(await findSpace(store.db, spaceId), spaceId);
    next();
  };
  const router = express.Router();
  router.use(`${API_PREFIX}/spaces/:space`, check);
  return router;
}
