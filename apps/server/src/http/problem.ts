import type { ErrorCode, Issue, Problem } from '@idr/contracts';
import { ERROR_STATUS } from '@idr/contracts';
import type { Response } from 'express';

const TITLES: Record<ErrorCode, string> = {
  invalid_json: 'The body is not valid JSON',
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign in first',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  space_not_found: 'Space not found',
  identifier_not_found: 'Identifier not found',
  profile_not_found: 'Profile not found',
  identifier_mapped: 'The identifier is mapped to an address type',
  identifier_exists: 'The identifier already exists',
  space_exists: 'The space already exists',
  version_conflict: 'The settings were changed by someone else',
  // Also the title of a 431 (a request head too large, see client-error.ts), hence not "body".
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'Send the body as application/json',
  address_type_not_mapped: 'The address type is not mapped to an identifier',
  invalid_address: 'The address cannot be read',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on our side',
  not_ready: 'Not ready',
  database_unavailable: 'The database is unavailable',
};

/**
 * An RFC 9457 problem document. `status` overrides the code's own only where HTTP needs a more
 * precise one than SPEC §9's list has (431 and 408 for malformed framing, see client-error.ts).
 */
export function problemDocument(problem: {
  code: ErrorCode;
  detail: string;
  requestId: string;
  issues?: Issue[];
  status?: number;
}): Problem {
  return {
    type: `about:blank#${problem.code}`,
    title: TITLES[problem.code],
    status: problem.status ?? ERROR_STATUS[problem.code],
    detail: problem.detail,
    code: problem.code,
    requestId: problem.requestId,
    ...(problem.issues ? { issues: problem.issues } : {}),
  };
}

/** Sends an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  problem: { code: ErrorCode; detail: string; issues?: Issue[]; headers?: Record<string, string> },
): void {
  const body = problemDocument({ ...problem, requestId: String(res.req.id ?? '') });
  res.status(body.status).set(problem.headers ?? {});
  res.type('application/problem+json').send(JSON.stringify(body));
}
