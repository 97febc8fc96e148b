import { z } from 'zod';

/** Every error code the API answers with, and its HTTP status (SPEC §9, §10). */
export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  space_not_found: 404,
  identifier_not_found: 404,
  profile_not_found: 404,
  identifier_mapped: 409,
  identifier_exists: 409,
  space_exists: 409,
  version_conflict: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  address_type_not_mapped: 422,
  invalid_address: 422,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
  database_unavailable: 503,
} as const;

/** A machine-readable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;
/** All error codes as a zod enum. */
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** One validation problem: where it is (dotted path) and what is wrong. */
export const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** RFC 9457 problem details, the one error shape of the API. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  code: ErrorCodeSchema,
  requestId: z.string(),
  issues: z.array(IssueSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Turns zod issues into the wire `issues` list (paths joined with dots). */
export function toIssues(error: z.ZodError): Issue[] {
  return flatten(error.issues, []);
}

type ZodIssue = z.ZodError['issues'][number];

/**
 * The issues with their full paths. A body that matches no branch of a union (a lookup by address
 * or by identifier) would otherwise get one issue, "Invalid input", naming no field: it gets the
 * issues of the branch it came closest to (fewest issues; the first on a tie) instead.
 */
function flatten(issues: readonly ZodIssue[], prefix: readonly PropertyKey[]): Issue[] {
  const flat: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      flat.push(...flatten(closest, path));
    } else flat.push({ path: path.map(String).join('.'), message: issue.message });
  }
  return flat;
}
