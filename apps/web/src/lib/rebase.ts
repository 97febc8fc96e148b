import { isVersionConflict } from './errors.ts';

/**
 * What a settings form does when the server's values arrive while it is open. A clean form follows
 * the server. A dirty form keeps the admin's edits: if the server still holds the values the edit
 * started from (another settings write raised the space's one version), the base version moves
 * along; if someone changed those values, the base stays, so that saving answers 412 and nothing
 * is silently overwritten.
 */
export function rebase<T extends { version: number }>(
  base: T,
  server: T,
  isDirty: boolean,
  sameValues: (a: T, b: T) => boolean,
): { base: T; resetForm: boolean } {
  if (server.version <= base.version) return { base, resetForm: false };
  if (!isDirty) return { base: server, resetForm: true };
  if (sameValues(base, server)) return { base: { ...base, version: server.version }, resetForm: false };
  return { base, resetForm: false };
}

/**
 * Saves an edit with `If-Match: base.version`. The version is the whole space's, so a 412 may come
 * from a write that left the edited values alone (another identifier renamed, over the API or in
 * another tab) while this form had no chance to see it. Then the latest values are loaded: if the
 * edited ones are as the edit found them, nothing of the admin's is overwritten by saving again on
 * the latest version, which happens once, at once. If they changed, the 412 stands and the admin
 * decides (the form's Reload).
 */
export async function saveRebasing<B extends { version: number }, T>(
  base: B,
  save: (version: number) => Promise<T>,
  latest: {
    load: () => Promise<B>;
    sameValues: (a: B, b: B) => boolean;
    /** Takes the latest as the form's new base before the second save. */
    adopt: (fresh: B) => void;
  },
): Promise<T> {
  try {
    return await save(base.version);
  } catch (error) {
    if (!isVersionConflict(error)) throw error;
    let fresh: B;
    try {
      fresh = await latest.load();
    } catch {
      throw error; // e.g. the edited identifier was deleted: the conflict explains it
    }
    if (fresh.version <= base.version || !latest.sameValues(base, fresh)) throw error;
    latest.adopt(fresh);
    return save(fresh.version);
  }
}
