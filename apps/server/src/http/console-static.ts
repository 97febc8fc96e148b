import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { noteFailure } from './request-context.ts';

/** A path whose last segment is a file name with an extension. */
const FILE_NAME = /\.[^/.]+$/;

/**
 * Serves the built console: hashed assets cached for a year, and index.html (never cached) for any
 * other GET so that client-side routes survive a reload.
 */
export function consoleStatic(webDistDir: string | undefined): Router {
  const router = express.Router();
  const indexFile = webDistDir && join(webDistDir, 'index.html');
  if (!webDistDir || !indexFile || !existsSync(indexFile)) {
    router.get(/^\/(?!api\/).*/, (req, res, next) => {
      // A file that is not there is a 404 whether the console is built or not.
      if (FILE_NAME.test(req.path)) {
        next();
        return;
      }
      noteFailure(res, 'the console is not built');
      res
        .status(503)
        .type('text/plain')
        .send('The console is not built. Run `npx pnpm@12.4.2 build` (or `pnpm start`, which builds it) and reload.');
    });
    return router;
  }
  const assets = express.static(join(webDistDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false });
  // With fallthrough off, serve-static answers other methods itself with a bare 405; let them reach
  // the 404 problem instead (SPEC §9: every error is problem+json).
  router.use('/assets', (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') assets(req, res, next);
    else next();
  });
  router.use(express.static(webDistDir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api\/).*/, (req, res, next) => {
    // A missing file (`/nope.js`) is not a console page: its 404, not the page as JavaScript.
    // Console addresses never end in a name with a dot (space ids and tab names have none).
    if (FILE_NAME.test(req.path)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
