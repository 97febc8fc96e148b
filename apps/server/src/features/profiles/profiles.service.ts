import {
  API_PREFIX,
  type LookupRequest,
  type LookupResponse,
  type Profile,
  type ProfileEventsPage,
} from '@idr/contracts';
import { followTombstone, lookupByAddress, lookupByIdentifier, toProfileView } from '@idr/resolver';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { createSqlResolverStore, listProfileEvents } from '../../store/profiles.repository.ts';
import type { Store } from '../../store/store.ts';
import type { ResolverContextLoader } from '../events/resolver-context.ts';

/** A profile, or where its survivor lives when it was merged (answered as a 308). */
export type ProfileAnswer = { profile: Profile } | { redirectTo: string };

/** Profile lookups (the agent desktop's search) and profile reads. */
export function createProfilesService(
  store: Store,
  loadContext: ResolverContextLoader,
  now: () => Date,
  newId: () => string,
) {
  const nowMs = () => now().getTime();
  const readOnlyStore = (spaceId: string) =>
    createSqlResolverStore(store.db, spaceId, { dialect: store.dialect, readOnly: true, now: nowMs });

  return {
    async lookup(spaceId: string, request: LookupRequest): Promise<LookupResponse> {
      const { settings, mappings } = await loadContext(store.db, spaceId);
      const found =
        'addressType' in request
          ? await store.transaction(
              (trx) =>
                lookupByAddress({
                  settings,
                  mappings,
                  addressType: request.addressType,
                  address: request.address,
                  createIfNotFound: request.createIfNotFound ?? false,
                  store: createSqlResolverStore(trx, spaceId, { dialect: store.dialect, now: nowMs }),
                  now: nowMs,
                  newId,
                }),
              // Two lookups creating a profile for the same new address at once: the loser finds the winner's.
              { retryOnConflict: true },
            )
          : await lookupByIdentifier({
              settings,
              key: request.identifier,
              value: request.value,
              store: readOnlyStore(spaceId),
            });
      if (!found.ok) {
        // The field to fix: the typed value when it cannot be read, else the address type or identifier.
        const valueField = 'addressType' in request ? 'address' : 'value';
        const choiceField = 'addressType' in request ? 'addressType' : 'identifier';
        const path = found.code === 'invalid_address' ? valueField : choiceField;
        throw new AppError(found.code, found.message, { issues: [{ path, message: found.message }] });
      }
      return {
        identifier: found.identifier,
        normalizedValue: found.normalizedValue,
        profiles: found.profiles.map((profile) => toProfileView(profile, settings)),
        created: found.created,
      };
    },

    async get(spaceId: string, id: string): Promise<ProfileAnswer> {
      const { settings } = await loadContext(store.db, spaceId);
      const followed = await followTombstone(readOnlyStore(spaceId), id);
      if (!followed) throw new AppError('profile_not_found', `No profile has the id "${id}"`);
      if (followed.merged) {
        return { redirectTo: `${API_PREFIX}/spaces/${spaceId}/profiles/${encodeURIComponent(followed.profile.id)}` };
      }
      return { profile: toProfileView(followed.profile, settings) };
    },

    async events(spaceId: string, id: string, page: { limit: number; cursor?: string }): Promise<ProfileEventsPage> {
      await loadContext(store.db, spaceId);
      const followed = await followTombstone(readOnlyStore(spaceId), id);
      if (!followed) throw new AppError('profile_not_found', `No profile has the id "${id}"`);
      const { profile } = followed;
      // The list as asked for: a client pages on with the address it started with, even if a
      // merge meanwhile gave the profile another survivor. The survivor and every id merged into
      // it name the same events, so a cursor from any of them reads here too.
      const profileIds = [profile.id, ...profile.mergedFrom];
      const list = `events:${spaceId}:${id}`;
      const sameList = profileIds.map((name) => `events:${spaceId}:${name}`);
      const beforeId = page.cursor === undefined ? undefined : decodeCursor([list, ...sameList], page.cursor);
      const rows = await listProfileEvents(store.db, spaceId, profileIds, {
        limit: page.limit,
        beforeId,
      });
      const { items, nextCursor } = toPage(list, rows, page.limit);
      return { events: items as ProfileEventsPage['events'], nextCursor };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
