import { z } from 'zod';
import { CountryCodeSchema, IsoDateTimeSchema, VersionSchema } from './common.ts';
import {
  BlockedValuesSchema,
  DisplayNameSchema,
  IdentifierKeySchema,
  IdentifierKindSchema,
  IdentifierLimitSchema,
  IdentifierSchema,
  NormalizationSchema,
  SourceKeysSchema,
} from './identifiers.ts';
import { AddressTypeMappingsSchema } from './mappings.ts';

/** One identifier of an imported settings document; left-out fields take the defaults of SPEC §2. */
export const SettingsIdentifierInputSchema = z.object({
  key: IdentifierKeySchema,
  kind: IdentifierKindSchema.optional(),
  displayName: DisplayNameSchema.nullable().optional(),
  priority: z.number().int().min(1).optional(),
  limit: IdentifierLimitSchema.optional(),
  normalization: NormalizationSchema.optional(),
  blockedValues: BlockedValuesSchema.optional(),
  sourceKeys: z.union([SourceKeysSchema, z.array(z.string()).length(0)]).optional(),
});

/** Body of `PUT …/settings`: replaces the whole configuration; `version` is accepted and ignored. */
export const SettingsImportSchema = z.object({
  defaultCountry: CountryCodeSchema,
  identifiers: z.array(SettingsIdentifierInputSchema).max(200, 'Use at most 200 identifiers'),
  mappings: AddressTypeMappingsSchema,
  version: z.unknown().optional(),
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
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
