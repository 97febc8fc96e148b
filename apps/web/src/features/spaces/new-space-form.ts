import { CountryCodeSchema, type CreateSpaceInput, SpaceIdSchema } from '@idr/contracts';
import { z } from 'zod';

export interface NewSpaceFormValues {
  name: string;
  id: string;
  /** Where the identifiers and mappings come from: `preset:contact-center`, `preset:empty` or `copy:<space id>`. */
  startFrom: string;
  defaultCountry: string;
}

const MAX_SPACE_ID_LENGTH = 63;

/**
 * The id a name suggests: lower case, accents dropped, every run of other characters one dash
 * ("EU Support – Zürich" → "eu-support-zurich"); `''` when nothing usable is left.
 */
export function spaceIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SPACE_ID_LENGTH)
    .replace(/-+$/, '');
}

/** The form, checked with the contract's schemas; `existingIds` catches a taken id before the server does. */
export function newSpaceFormSchema(existingIds: readonly string[]) {
  return z
    .object({
      name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
      id: z
        .string()
        .min(1, 'Enter an ID')
        .pipe(SpaceIdSchema)
        .refine((id) => !existingIds.includes(id), 'A space with this ID already exists'),
      startFrom: z.string(),
      defaultCountry: CountryCodeSchema,
    })
    .transform(({ name, id, startFrom, defaultCountry }): CreateSpaceInput => {
      const copyFrom = startFrom.startsWith('copy:') ? startFrom.slice('copy:'.length) : null;
      return copyFrom
        ? { id, name, defaultCountry, copyFrom }
        : { id, name, defaultCountry, preset: startFrom === 'preset:empty' ? 'empty' : 'contact-center' };
    });
}

/** The form field that shows a server issue of `POST /spaces` (its `copyFrom` is the Start from field). */
export function newSpaceFieldForIssue(path: string): keyof NewSpaceFormValues | null {
  if (path === 'copyFrom' || path === 'preset') return 'startFrom';
  return path === 'id' || path === 'name' || path === 'defaultCountry' ? path : null;
}
