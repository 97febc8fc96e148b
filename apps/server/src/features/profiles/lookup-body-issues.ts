import type { Issue } from '@idr/contracts';

/**
 * The problems of a lookup body that mixes its two forms (SPEC §8), in place of zod's "Unrecognized
 * keys", which tells the caller which fields are wrong but not which form it meant: a lookup is by
 * address (`{ addressType, address, createIfNotFound? }`) or by identifier (`{ identifier, value }`).
 */
export function refusedLookupIssues(body: unknown, schemaIssues: Issue[]): Issue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return schemaIssues;
  const has = (field: string) => Object.hasOwn(body, field);
  const byAddress = has('addressType') || has('address');
  const byIdentifier = has('identifier') || has('value');
  if (byAddress && byIdentifier) {
    return [
      {
        path: '',
        message:
          'Look up either by address ({ addressType, address, createIfNotFound? }) or by identifier ({ identifier, value }), not both',
      },
    ];
  }
  if (byIdentifier && has('createIfNotFound') && (body as { createIfNotFound?: unknown }).createIfNotFound !== false) {
    return [
      {
        path: 'createIfNotFound',
        message:
          'Only a lookup by address ({ addressType, address }) can create a profile; a lookup by identifier never does',
      },
    ];
  }
  return schemaIssues;
}
