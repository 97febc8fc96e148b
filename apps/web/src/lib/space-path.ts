// Which space a console page shows is part of its URL, so that a page of the `prod` space can be
// bookmarked, shared and reloaded as such: `/spaces/prod/unified-profiles/manage/identifiers`.
// The default space keeps the short paths (`/unified-profiles/manage/identifiers`), which every
// existing link and bookmark uses.

/** The space created on first start (DEFAULT_SPACE_ID of @idr/contracts, not imported: it pulls in zod). */
export const DEFAULT_SPACE_ID = 'default';

// A space id (SPEC §1) right after `/spaces/`, followed by the page path or nothing.
const SPACE_PREFIX = /^\/spaces\/([a-z0-9][a-z0-9-]{0,62})(?=\/|$)/;

/** A console URL path split into the space it shows and the page path inside the console. */
export function parseSpacePath(pathname: string): { spaceId: string; path: string } {
  const match = SPACE_PREFIX.exec(pathname);
  if (!match) return { spaceId: DEFAULT_SPACE_ID, path: pathname };
  return { spaceId: match[1]!, path: pathname.slice(match[0].length) || '/' };
}

/** The URL path of a console page of a space; `path` may end with a `#fragment`. */
export function spacePath(spaceId: string, path: string): string {
  return spaceId === DEFAULT_SPACE_ID ? path : `/spaces/${spaceId}${path}`;
}

// Anything right after `/spaces/`, even what no space id can be (`Prod-EU`, `Production%20EU`).
const LOOSE_SPACE_PREFIX = /^\/spaces\/([^/]+)(?=\/|$)/;

/**
 * An address that names a space the way no id is written (`/spaces/Prod-EU/…`): what was typed for
 * the space, decoded, and the page path after it. `null` for any other address.
 */
export function parseMistypedSpacePath(pathname: string): { typed: string; path: string } | null {
  if (SPACE_PREFIX.test(pathname)) return null;
  const match = LOOSE_SPACE_PREFIX.exec(pathname);
  if (!match) return null;
  let typed = match[1]!;
  try {
    typed = decodeURIComponent(typed);
  } catch {
    // Not valid escaping (`%E0`): shown as it is.
  }
  return { typed, path: pathname.slice(match[0].length) || '/' };
}
