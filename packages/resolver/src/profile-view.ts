import type { Profile } from '@idr/contracts';
import { compileSettings, type ResolverSettings } from './settings.ts';
import type { ProfileState } from './store.ts';

/**
 * The API shape of a profile (SPEC §8): identifiers in priority order (then first seen, then
 * value) with their display names, ISO timestamps, trait values without their timestamps.
 */
export function toProfileView(profile: ProfileState, settings: ResolverSettings): Profile {
  const byKey = compileSettings(settings).byKey;
  const rank = (key: string) => byKey.get(key)?.rank ?? Number.MAX_SAFE_INTEGER;
  const identifiers = [...profile.identifiers].sort(
    (a, b) =>
      rank(a.key) - rank(b.key) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      a.firstSeenAt - b.firstSeenAt ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  // fromEntries defines keys: a `__proto__` trait stored before such events were refused stays a trait.
  const traits: Record<string, unknown> = Object.fromEntries(
    Object.keys(profile.traits)
      .sort()
      .map((key) => [key, profile.traits[key]!.value]),
  );
  return {
    id: profile.id,
    createdAt: new Date(profile.createdAt).toISOString(),
    updatedAt: new Date(profile.updatedAt).toISOString(),
    identifiers: identifiers.map((identifier) => ({
      key: identifier.key,
      // An identifier deleted since keeps showing its key.
      displayName: byKey.get(identifier.key)?.displayName ?? identifier.key,
      value: identifier.value,
      firstSeenAt: new Date(identifier.firstSeenAt).toISOString(),
    })),
    traits,
    mergedFrom: [...profile.mergedFrom],
    mergeCount: profile.mergeCount,
  };
}
