import { ERROR_STATUS, toIssues } from '@idr/contracts';
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../store/database-errors.ts';
import { AppError } from './app-error.ts';
import { undecodablePathProblem } from './not-found.ts';
import { sendProblem } from './problem.ts';
import { noteFailure } from './request-context.ts';

// body-parser marks its failures with a `type`; each maps to the code SPEC §9 names.
const BODY_PARSER_ERRORS: Record<
  string,
  { code: 'invalid_json' | 'payload_too_large' | 'unsupported_media_type'; detail: string }
> = {
  'entity.parse.failed': { code: 'invalid_json', detail: 'The body is not valid JSON' },
  'entity.too.large': { code: 'payload_too_large', detail: 'The body is larger than this endpoint accepts' },
  'encoding.unsupported': { code: 'unsupported_media_type', detail: 'Unsupported content encoding' },
  'charset.unsupported': { code: 'unsupported_media_type', detail: 'Unsupported charset; send UTF-8' },
  'request.aborted': { code: 'invalid_json', detail: 'The request body was cut off' },
  'request.size.invalid': { code: 'invalid_json', detail: 'The body is shorter than its Content-Length' },
  'stream.encoding.set': { code: 'invalid_json', detail: 'The body could not be read' },
};

/** A 413's detail with the bound that was passed (body-parser gives it in bytes), so the client can split its body. */
function withSizeBound(detail: string, limit: unknown): string {
  if (typeof limit !== 'number' || !(limit > 0)) return detail;
  const mebibytes = limit / (1024 * 1024);
  return `${detail}: at most ${Number.isInteger(mebibytes) ? `${mebibytes} MiB` : `${limit} bytes`}`;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Seconds a client should wait before retrying a request the database could not take. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The one error handler: AppError and zod errors as their problem, a database that does not answer
 * as a 503 to retry, anything else as a logged 500.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) {
    req.log.error({ err: error }, 'error after the response started');
    res.end();
    return;
  }
  if (error instanceof AppError) {
    // A 5xx of our own (readyz's not_ready) logs this error, not a made-up one (request-context.ts).
    if (ERROR_STATUS[error.code] >= 500) {
      res.err = error;
      noteFailure(res, error.message);
    }
    sendProblem(res, { code: error.code, detail: error.message, issues: error.issues, headers: error.headers });
    return;
  }
  if (error instanceof ZodError) {
    const issues = toIssues(error);
    sendProblem(res, { code: 'validation_failed', detail: 'The request is not valid', issues });
    return;
  }
  const parserError = typeof error?.type === 'string' ? BODY_PARSER_ERRORS[error.type] : undefined;
  if (parserError) {
    const detail =
      error.type === 'entity.too.large' ? withSizeBound(parserError.detail, error.limit) : parserError.detail;
    sendProblem(res, { code: parserError.code, detail });
    return;
  }
  const status = Number(error?.status ?? error?.statusCode);
  // A body sent with Content-Encoding gzip, deflate or br that does not decompress: body-parser
  // passes on the zlib or brotli stream error as a 400, which carries a numeric errno (`Z_DATA_ERROR`,
  // -3…). Only a 400: a missing console asset is a 404 that carries the file system's errno (ENOENT).
  if (status === 400 && typeof error?.errno === 'number' && typeof error?.code === 'string') {
    sendProblem(res, {
      code: 'invalid_json',
      detail: 'The body could not be decompressed as its Content-Encoding says',
    });
    return;
  }
  // Express refuses a path segment that is not valid percent-encoding before any route runs.
  if (error instanceof URIError && status === 400) {
    sendProblem(res, undecodablePathProblem(req));
    return;
  }
  // Express marks other client errors it raised itself.
  if (status >= 400 && status < 500) {
    sendProblem(res, { code: 'not_found', detail: 'Nothing is at this address' });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    // Not a fault of the request or of the code: the same request will likely succeed once the
    // database is back, so say when to retry instead of asking for a bug report. The request log
    // line carries the driver's error (request-context.ts).
    res.err = error;
    noteFailure(res, 'the database is unavailable');
    sendProblem(res, {
      code: 'database_unavailable',
      // After the title "The database is unavailable"; a write's outcome is unknown (its commit may have been lost).
      detail: READ_METHODS.has(req.method)
        ? 'It did not answer. Try again in a few seconds.'
        : 'It did not answer, so this change may not have been saved. Try again in a few seconds.',
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    });
    return;
  }
  // The request log line carries the error, its stack and the request id (request-context.ts).
  res.err = error;
  sendProblem(res, {
    code: 'internal_error',
    detail: `Something went wrong on our side; quote request id ${String(req.id)} when you report it`,
  });
};
