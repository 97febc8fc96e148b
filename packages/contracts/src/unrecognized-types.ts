import { z } from 'zod';
import { IsoDateTimeSchema } from './common.ts';

/** An external-id type seen in events that matches no identifier of the space (SPEC §5.2). */
export const UnrecognizedIdentifierTypeSchema = z.object({
  type: z.string(),
  firstSeenAt: IsoDateTimeSchema,
  lastSeenAt: IsoDateTimeSchema,
  eventCount: z.number().int().positive(),
  /** Whether the type is a valid identifier key, so that the console can offer a one-click add. */
  addable: z.boolean(),
});
export type UnrecognizedIdentifierType = z.infer<typeof UnrecognizedIdentifierTypeSchema>;

/** `GET …/unrecognized-identifier-types`: most recently seen first. */
export const UnrecognizedIdentifierTypeListSchema = z.object({
  types: z.array(UnrecognizedIdentifierTypeSchema),
});
export type UnrecognizedIdentifierTypeList = z.infer<typeof UnrecognizedIdentifierTypeListSchema>;
