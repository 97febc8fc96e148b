import type { Transaction } from 'kysely';
import { AppError } from '../../http/app-error.ts';
import { assertVersionMatches } from '../../http/if-match.ts';
import { insertAuditEntry } from '../../store/audit.repository.ts';
import { newSortableId } from '../../store/ids.ts';
import type { Database } from '../../store/schema.ts';
import { lockSpace, type SpaceRecord, updateSpace } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';

/** Who asks for a settings change, and which version they based it on. */
export interface WriteContext {
  ifMatch: number[] | undefined;
  actor: string;
}

/** What a settings change did, for its audit entry. */
export interface ChangeRecord<T> {
  result: T;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  /** Space fields the change sets besides the version. */
  spaceChanges?: { name?: string; defaultCountry?: string };
}

/**
 * Runs one settings change in a transaction: locks the space, checks If-Match (412 when stale),
 * applies the change, raises the version and appends the audit entry — all or nothing.
 */
export async function writeSettings<T>(
  store: Store,
  spaceId: string,
  context: WriteContext,
  now: () => Date,
  change: (trx: Transaction<Database>, space: SpaceRecord, at: string) => Promise<ChangeRecord<T>>,
): Promise<{ result: T; version: number; space: SpaceRecord }> {
  return store.transaction(async (trx) => {
    const space = requireSpace(await lockSpace(trx, store.dialect, spaceId), spaceId);
    assertVersionMatches(context.ifMatch, space.version);
    const moment = now();
    const at = moment.toISOString();
    const record = await change(trx, space, at);
    const version = space.version + 1;
    await updateSpace(trx, spaceId, { ...record.spaceChanges, version, updatedAt: at });
    await insertAuditEntry(trx, spaceId, {
      id: newSortableId(moment),
      at,
      actor: context.actor,
      action: record.action,
      target: record.target,
      before: record.before,
      after: record.after,
    });
    return {
      result: record.result,
      version,
      space: { ...space, ...record.spaceChanges, version, updatedAt: at },
    };
  });
}

/** Loads a space or throws 404 `space_not_found`. */
export function requireSpace<T>(space: T | undefined, spaceId: string): T {
  if (!space) throw new AppError('space_not_found', `No space has the id "${spaceId}"`);
  return space;
}
