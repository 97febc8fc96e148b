import { AppError } from './app-error.ts';

/** The settings versions an If-Match header accepts; `undefined` means no precondition (absent or `*`). */
export function parseIfMatch(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  // Strong ETags are `"<version>"`; a bare version is accepted too (SPEC §9). Anything else matches nothing.
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^"(.*)"$/, '$1'))
    .filter((tag) => /^\d{1,15}$/.test(tag))
    .map(Number);
}

/** Throws 412 `version_conflict` when the current version is not one the client based its change on. */
export function assertVersionMatches(accepted: number[] | undefined, current: number): void {
  if (accepted === undefined || accepted.includes(current)) return;
  throw new AppError(
    'version_conflict',
    `The settings changed since you loaded them (your version does not match the current version ${current}). Reload and apply your change again.`,
    { headers: { ETag: `"${current}"` } },
  );
}

/** The strong ETag of a settings version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
