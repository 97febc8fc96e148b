import { z } from 'zod';
import { IsoDateTimeSchema } from './common.ts';
import { IdentifierKeySchema } from './identifiers.ts';
import { AddressTypeSchema } from './mappings.ts';
import { isStorableText } from './storable-text.ts';

/** Opaque id of a profile. */
// An id that cannot be stored names no profile (the server answers 404 without asking the database).
export const ProfileIdSchema = z.string().min(1).max(100).refine(isStorableText, 'Must be valid Unicode without NUL');

/** One identifier value of a profile as the API shows it (SPEC §8). */
export const ProfileIdentifierSchema = z.object({
  key: IdentifierKeySchema,
  displayName: z.string(),
  value: z.string(),
  firstSeenAt: IsoDateTimeSchema,
});
export type ProfileIdentifier = z.infer<typeof ProfileIdentifierSchema>;

/** A customer profile (SPEC §8); `mergedFrom` lists every profile merged into it, transitively. */
export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  identifiers: z.array(ProfileIdentifierSchema),
  traits: z.record(z.string(), z.unknown()),
  mergedFrom: z.array(ProfileIdSchema),
  mergeCount: z.number().int().nonnegative(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** Lookup by address type: what an agent desktop sends when a call or message arrives. */
export const AddressLookupRequestSchema = z.strictObject({
  addressType: AddressTypeSchema,
  address: z.string().min(1, 'Enter an address').max(1000),
  createIfNotFound: z.boolean().optional(),
});
export type AddressLookupRequest = z.infer<typeof AddressLookupRequestSchema>;

/**
 * Lookup by any identifier key and value: the agent's manual search. It never creates a profile;
 * `createIfNotFound: false` is accepted, for clients that always send the flag.
 */
export const IdentifierLookupRequestSchema = z.strictObject({
  identifier: IdentifierKeySchema,
  value: z.string().min(1, 'Enter a value').max(1000),
  createIfNotFound: z.literal(false).optional(),
});
export type IdentifierLookupRequest = z.infer<typeof IdentifierLookupRequestSchema>;

/** Body of `POST …/profiles/lookup` (SPEC §9). */
export const LookupRequestSchema = z.union([AddressLookupRequestSchema, IdentifierLookupRequestSchema]);
export type LookupRequest = z.infer<typeof LookupRequestSchema>;

/** Response of `POST …/profiles/lookup` (SPEC §9). */
export const LookupResponseSchema = z.object({
  identifier: z.object({ key: IdentifierKeySchema, displayName: z.string() }),
  normalizedValue: z.string(),
  profiles: z.array(ProfileSchema),
  created: z.boolean(),
});
export type LookupResponse = z.infer<typeof LookupResponseSchema>;
