import { isUtf8 } from 'node:buffer';
import { API_PREFIX, findUnstorableText, type Issue, type RouteDefinition, toIssues } from '@idr/contracts';
import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { AppError, validationFailed } from './app-error.ts';
import { etagOf, parseIfMatch } from './if-match.ts';
import { PARAM_NOT_FOUND } from './not-found.ts';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler receives: validated input and the request's precondition and actor. */
export interface RouteInput<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  /** Versions from If-Match; undefined when the request has no precondition. */
  ifMatch: number[] | undefined;
  actor: string;
  req: Request;
}

/**
 * What a handler returns: the success body and, for settings resources, the version to send as
 * ETag; or a permanent redirect (a merged profile's id answers with its survivor's address).
 */
export type RouteOutput<R extends RouteDefinition> =
  | {
      body: R['success']['body'] extends z.ZodType ? z.input<R['success']['body']> : null;
      version?: number;
      /** Address of a created resource, sent as `Location` with a 201. */
      location?: string;
    }
  | { redirect: string };

const DEFAULT_BODY_LIMIT = '1mb';

/**
 * body-parser's `verify` hook, on the bytes before they are parsed:
 * - refuses an empty body, which body-parser would otherwise read as `{}`, so that a client whose
 *   body went missing hears so rather than which fields `{}` lacks (a blank body is invalid JSON);
 * - refuses a UTF-8 body whose bytes are not valid UTF-8. Decoding would replace each bad byte with
 *   U+FFFD, so a client sending Latin-1 unawares would have `Müller` and `Möller` stored as one user
 *   id (`M\uFFFDller`), merging two customers. JSON is UTF-8 (RFC 8259).
 */
function checkBodyBytes(_req: Request, _res: Response, body: Buffer, encoding: string): void {
  if (body.length === 0) {
    throw new AppError('invalid_json', 'The body is empty: send a JSON object with Content-Type: application/json');
  }
  if (encoding === 'utf-8' && !isUtf8(body)) {
    throw new AppError(
      'invalid_json',
      'The body is not valid UTF-8: send JSON encoded as UTF-8 (an accented letter in Latin-1, for example, is not)',
    );
  }
}

function parseParams(route: RouteDefinition, req: Request): unknown {
  if (!route.params) return undefined;
  const result = route.params.safeParse(req.params);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0] ?? '') as keyof typeof PARAM_NOT_FOUND;
  const notFound = PARAM_NOT_FOUND[name];
  if (notFound) throw new AppError(notFound.code, `${notFound.message}: "${String(req.params[name])}"`);
  throw new AppError('not_found', 'Nothing is at this address');
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** How one route extends what the shared mounting does. */
export interface MountOptions {
  /**
   * Every issue of a body its schema refused, given the schema's: a settings document reports its
   * problems as a whole along with them, all in one answer.
   */
  refusedBodyIssues?: (body: unknown, schemaIssues: Issue[]) => Issue[] | Promise<Issue[]>;
}

async function parseBody(route: RouteDefinition, req: Request, options: MountOptions): Promise<unknown> {
  if (!route.body) return undefined;
  if (req.body === undefined) {
    if (hasBody(req)) {
      throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
    }
    throw validationFailed([{ path: '', message: 'Send a JSON body' }]);
  }
  const result = route.body.safeParse(req.body);
  if (!result.success) {
    const issues = toIssues(result.error);
    throw validationFailed(options.refusedBodyIssues ? await options.refusedBodyIssues(req.body, issues) : issues);
  }
  if (!route.eventsBody) {
    const unstorable = findUnstorableText(req.body);
    if (unstorable) throw validationFailed([{ path: unstorable.path.join('.'), message: unstorable.message }]);
  }
  return result.data;
}

/**
 * Mounts one route of the contracts table: parses params, query and body with its schemas, reads
 * If-Match, calls the handler and sends its body with the declared status (and ETag when versioned).
 */
export function mountRoute<R extends RouteDefinition>(
  router: Router,
  route: R,
  handler: (input: RouteInput<R>) => Promise<RouteOutput<R>>,
  options: MountOptions = {},
): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const middlewares = route.body
    ? [
        express.json({
          limit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
          strict: false,
          // SPEC §9: a body that is not `application/json` answers 415, so `application/*+json`
          // types (merge-patch, vnd.api…), whose rules this API does not follow, do too.
          type: 'application/json',
          verify: checkBodyBytes,
        }),
      ]
    : [];
  router[method](API_PREFIX + route.path, ...middlewares, async (req: Request, res: Response) => {
    const params = parseParams(route, req);
    let query: unknown;
    if (route.query) {
      const result = route.query.safeParse(req.query);
      if (!result.success) throw validationFailed(toIssues(result.error));
      query = result.data;
    }
    const body = await parseBody(route, req, options);
    const output = await handler({
      params,
      query,
      body,
      ifMatch: parseIfMatch(req.get('if-match')),
      actor: String(res.locals.actor ?? 'anonymous'),
      req,
    } as RouteInput<R>);
    if ('redirect' in output) {
      // No body: Express's would be a text/plain sentence that no JSON client expects.
      res.status(308).location(output.redirect).end();
      return;
    }
    if (output.version !== undefined) res.set('ETag', etagOf(output.version));
    if (output.location !== undefined) res.location(output.location);
    if (output.body === null) res.status(route.success.status).end();
    else res.status(route.success.status).json(output.body);
  });
}
