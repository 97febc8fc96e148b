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
