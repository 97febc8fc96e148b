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
  method_not_allowed: 'Method not allowed',
  identifier_mapped: 'The identifier is mapped to an address type',
  identifier_exists: 'The identifier already exists',
  space_exists: 'The space already exists',
  version_conflict: 'The settings were changed by someone else',
  payload_too_large: 'The body is too large',
  unsupported_media_type: 'Send the body as application/json',
  address_type_not_mapped: 'The address type is not mapped to an identifier',
  invalid_address: 'The address cannot be read',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on our side',
  not_ready: 'Not ready',
};

/** Sends an RFC 9457 problem document. */
export function sendProblem(
  res: Response,
  problem: { code: ErrorCode; detail: string; issues?: Issue[]; headers?: Record<string, string> },
): void {
  const status = ERROR_STATUS[problem.code];
  const body: Problem = {
    type: `about:blank#${problem.code}`,
    title: TITLES[problem.code],
    status,
    detail: problem.detail,
    code: problem.code,
    requestId: String(res.req.id ?? ''),
    ...(problem.issues ? { issues: problem.issues } : {}),
  };
  res.status(status).set(problem.headers ?? {});
  res.type('application/problem+json').send(JSON.stringify(body));
}
