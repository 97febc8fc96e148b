import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

// A caller's own request id is kept (for tracing across the IVR/agent desktop) when it looks sane.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Notes why a request failed, for its log line ("request failed: the database is unavailable"),
 * when the status alone does not say it: a 503 is an unreachable database or an unbuilt console.
 */
export function noteFailure(res: Response, failure: string): void {
  res.locals.failure = failure;
}

function failureOf(res: ServerResponse): string | undefined {
  const failure = (res as Partial<Response>).locals?.failure;
  return typeof failure === 'string' ? failure : undefined;
}

/** Structured request logs with a request id per request, echoed as `X-Request-Id`. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    // A failed request is one line: the error the handler met (`res.err`), or pino-http's own
    // "failed with status code" when there was none. Its words say which kind of failure it was.
    customErrorMessage(_req, res) {
      const failure = failureOf(res);
      if (failure) return `request failed: ${failure}`;
      return res.statusCode >= 500 ? 'request failed: unhandled error' : 'request failed';
    },
    // Bodies and credentials stay out of the log.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
