import { z } from 'zod';
import { CountryCodeSchema, IsoDateTimeSchema, VersionSchema } from './common.ts';
import {
  BlockedValuesSchema,
  checkIdentifierInput,
  IdentifierDisplayNameSchema,
  IdentifierKeySchema,
  IdentifierKindSchema,
  IdentifierLimitSchema,
  IdentifierSchema,
  IdentifierSourceKeysSchema,
  NormalizationSchema,
} from './identifiers.ts';
import { AddressTypeMappingsSchema } from './mappings.ts';

/**
 * One identifier of an imported settings document; left-out fields take the defaults of SPEC §2,
 * and so do the source keys of a custom identifier given as an empty list. Whatever an export
 * holds is accepted: a display name equal to a key of more than 50 characters, `sourceKeys: []`
 * on a built-in identifier.
 */
export const SettingsIdentifierInputSchema = z
  // Strict: a misspelt field in an imported file (`normalisation`) is refused, not ignored.
  .strictObject({
    key: IdentifierKeySchema,
    kind: IdentifierKindSchema.optional(),
    displayName: IdentifierDisplayNameSchema.nullable().optional(),
    priority: z.number().int().min(1).optional(),
    limit: IdentifierLimitSchema.optional(),
    normalization: NormalizationSchema.optional(),
    blockedValues: BlockedValuesSchema.optional(),
    sourceKeys: IdentifierSourceKeysSchema.optional(),
  })
  .superRefine((input, ctx) => checkIdentifierInput(input, ctx, { customNeedsSourceKeys: false }));
export type SettingsIdentifierInput = z.infer<typeof SettingsIdentifierInputSchema>;

/**
 * Most identifiers a space may hold, enforced on import and on `POST …/identifiers` alike, so
 * that an export always imports back.
 */
export const MAX_IDENTIFIERS_PER_SPACE = 200;

/** Body of `PUT …/settings`: replaces the whole configuration; `version` is accepted and ignored. */
// Strict, as every other body: a field this document does not have (`name`) would be dropped unread.
export const SettingsImportSchema = z.strictObject({
  defaultCountry: CountryCodeSchema,
  identifiers: z
    .array(SettingsIdentifierInputSchema)
    .max(MAX_IDENTIFIERS_PER_SPACE, `Use at most ${MAX_IDENTIFIERS_PER_SPACE} identifiers`),
  mappings: AddressTypeMappingsSchema,
  version: z
    .unknown()
    .optional()
    .meta({ description: 'Ignored (an exported document carries it); send If-Match to write only over that version' }),
});
export type SettingsImport = z.infer<typeof SettingsImportSchema>;

/** `GET …/settings`: a space's whole configuration. */
export const SettingsDocumentSchema = z.object({
  defaultCountry: CountryCodeSchema,
  identifiers: z.array(IdentifierSchema),
  mappings: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
  version: VersionSchema,
});
export type SettingsDocument = z.infer<typeof SettingsDocumentSchema>;

/** One audit log entry: who changed what, before and after. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown().meta({ description: 'The target as it was before the change (null when it was created)' }),
  after: z.unknown().meta({ description: 'The target as it is after the change (null when it was deleted)' }),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
