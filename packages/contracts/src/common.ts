import { z } from 'zod';
import { isCountryCode } from './countries.ts';

/** Id of a space: lowercase letters, digits and dashes, 1–63 characters. */
export const SpaceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use 1–63 lowercase letters, digits or dashes, starting with a letter or digit');

/** ISO 3166-1 alpha-2 country code used to read national phone numbers; any case in, upper case out. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { message: 'Use a two-letter ISO 3166 country code, e.g. US', abort: true })
  .toUpperCase()
  .refine(isCountryCode, { message: 'This is not an ISO 3166 country code; use one such as US, GB or DE' });

/** Timestamps on the wire are ISO 8601 strings in UTC. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** Settings version of a space, raised by every settings write; also sent as a strong ETag. */
export const VersionSchema = z.number().int().nonnegative();

/** Opaque pagination cursor. */
export const CursorSchema = z.string().min(1).max(200);

/** Most items one page of a paged list holds. */
export const MAX_PAGE_SIZE = 200;

/**
 * A query parameter written in decimal digits (`50`, `1.5`) as its number, any larger than a safe
 * integer as the largest safe one (a limit that large only means "as many as a page holds"); any
 * other text as it is, for the number schema to refuse.
 */
function readDecimal(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]+(?:\.[0-9]+)?$/.test(value)
    ? Math.min(Number(value), Number.MAX_SAFE_INTEGER)
    : value;
}

/**
 * `limit` and `cursor` query parameters of paged lists. A `limit` above the page size is served as
 * the largest page, with `nextCursor` for the rest: a client asking for "everything" pages on, it
 * is not refused.
 */
export const PageQuerySchema = z.object({
  limit: z.preprocess(
    readDecimal,
    z
      // Anything else (`0x10`, `1e1`, ` 5`, a repeated `?limit=2&limit=3`, which arrives as a list) stays unread.
      .number({ error: 'Use a whole number, given once, e.g. limit=50' })
      .int('Use a whole number, e.g. limit=50')
      .min(1, 'Use 1 or more')
      .default(50)
      .meta({
        description: `Entries a page holds: 50 unless given, at most ${MAX_PAGE_SIZE} (a larger limit is read as ${MAX_PAGE_SIZE})`,
      })
      .transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
  ),
  cursor: CursorSchema.optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;
