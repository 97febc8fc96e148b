import { ADDRESS_TYPES, type Issue } from '@idr/contracts';

const HOLDS = { phone: 'phone numbers', email: 'email addresses' } as const;

/**
 * The problems of a mapping body, with an address type left out said plainly: a mapping names
 * both types every time (`null` maps nothing), and zod's "expected string, received undefined"
 * does not say that `null` is the way to map none.
 */
export function refusedMappingIssues(body: unknown, schemaIssues: Issue[]): Issue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return schemaIssues;
  const missing = new Set(ADDRESS_TYPES.filter((type) => !Object.hasOwn(body, type)));
  return schemaIssues.map((issue) =>
    missing.has(issue.path as (typeof ADDRESS_TYPES)[number])
      ? {
          path: issue.path,
          message: `Required: the key of the identifier that holds ${HOLDS[issue.path as keyof typeof HOLDS]}, or null to map none`,
        }
      : issue,
  );
}
