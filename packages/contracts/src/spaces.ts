import { z } from 'zod';
import { CountryCodeSchema, IsoDateTimeSchema, SpaceIdSchema } from './common.ts';

export const SpacePresetSchema = z.enum(['contact-center', 'empty']);
export type SpacePreset = z.infer<typeof SpacePresetSchema>;

/** A container of settings and profiles. */
export const SpaceSchema = z.object({
  id: SpaceIdSchema,
  name: z.string(),
  defaultCountry: CountryCodeSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Space = z.infer<typeof SpaceSchema>;

/** A space's name: trimmed, 1–100 characters. */
export const SpaceNameSchema = z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters');

/** Body of `POST /spaces`; `preset` and `copyFrom` are exclusive. */
export const CreateSpaceInputSchema = z
  .strictObject({
    id: SpaceIdSchema,
    name: SpaceNameSchema,
    defaultCountry: CountryCodeSchema.optional(),
    preset: SpacePresetSchema.optional(),
    copyFrom: SpaceIdSchema.optional(),
  })
  .refine((input) => !(input.preset && input.copyFrom), {
    message: 'Give either a preset or a space to copy from, not both',
    path: ['copyFrom'],
  });
export type CreateSpaceInput = z.infer<typeof CreateSpaceInputSchema>;

/** Body of `PATCH /spaces/:space`. */
export const UpdateSpaceInputSchema = z.strictObject({
  name: SpaceNameSchema.optional(),
  defaultCountry: CountryCodeSchema.optional(),
});
export type UpdateSpaceInput = z.infer<typeof UpdateSpaceInputSchema>;

export const SpaceListSchema = z.object({
  spaces: z.array(SpaceSchema),
});
export type SpaceList = z.infer<typeof SpaceListSchema>;

/** Id of the space created on first start. */
export const DEFAULT_SPACE_ID = 'default';
