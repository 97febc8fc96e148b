import type { LookupRequest, LookupResponse, Profile, ProfileEventsPage, ResolutionResult } from '@idr/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../lib/api-client.ts';

/** Events shown per page on a profile card. */
export const PROFILE_EVENTS_PAGE_SIZE = 10;

/** Profiles are not settings: they change with every event, so they have their own key prefix. */
function profilesQueryKey(spaceId: string) {
  return ['spaces', spaceId, 'profiles'] as const;
}

/** One profile; a merged id is answered with its survivor (the 308 is followed by fetch). */
export function profileQueryOptions(spaceId: string, profileId: string) {
  return queryOptions<Profile>({
    queryKey: [...profilesQueryKey(spaceId), profileId],
    queryFn: async () => (await callRoute('getProfile', { params: { space: spaceId, id: profileId } })).data,
  });
}

/** A profile's events, newest first, a page at a time. */
export function profileEventsQueryOptions(spaceId: string, profileId: string) {
  return infiniteQueryOptions<ProfileEventsPage, Error, ProfileEventsPage[], readonly unknown[], string | null>({
    queryKey: [...profilesQueryKey(spaceId), profileId, 'events'],
    initialPageParam: null,
    queryFn: async ({ pageParam }) =>
      (
        await callRoute('listProfileEvents', {
          params: { space: spaceId, id: profileId },
          query: { limit: PROFILE_EVENTS_PAGE_SIZE, cursor: pageParam ?? undefined },
        })
      ).data,
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages,
  });
}

/**
 * Looks up the profile for an address or an identifier value. A mutation, not a query: it runs when
 * the admin submits, and with `createIfNotFound` it writes.
 */
export function useProfileLookup(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<LookupResponse, Error, LookupRequest>({
    mutationFn: async (body) => (await callRoute('lookupProfiles', { params: { space: spaceId }, body })).data,
    // Events may have arrived since the cards were last shown: read them again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesQueryKey(spaceId) }),
  });
}

/**
 * Reads one profile by the id an admin typed. A mutation like the lookup, run on submit; a merged id
 * answers with its survivor (fetch follows the 308), whose id then differs from the one asked for.
 */
export function useProfileById(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<Profile, Error, string>({
    mutationFn: async (profileId) =>
      (await callRoute('getProfile', { params: { space: spaceId, id: profileId } })).data,
    // As after a lookup: the card's events are read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesQueryKey(spaceId) }),
  });
}

/** Dry-runs one event through the resolver; the server writes nothing. */
export function useEventPreview(spaceId: string) {
  return useMutation<ResolutionResult, Error, Record<string, unknown>>({
    mutationFn: async (event) => (await callRoute('previewEvent', { params: { space: spaceId }, body: event })).data,
  });
}
