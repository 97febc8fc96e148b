import { ADDRESS_TYPES, type Issue } from '@idr/contracts';

const HOLDS = { phone: 'phone numbers', email: 'email addresses' } as const;

/**
 * The problems of a mapping body, with an address type left out said plainly: a mapping names
 * both types every time (`null` maps nothing), and zod's "expected string, received undefined"
 * does not say that `null` is the way to map none.
 */
export function refusedMappingIssues(body: unknown, schemaIssues: Issue[]): Issue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return schemaIssues;
  return schemaIssues.map((issue) => {
    const type = ADDRESS_TYPES.find((candidate) => candidate === issue.path);
    if (type === undefined || Object.hasOwn(body, type)) return issue;
    return {
      path: type,
      message: `Required: the key of the identifier that holds ${HOLDS[type]}, or null to map none`,
    };
  });
}
