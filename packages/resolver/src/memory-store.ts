import type { IdentifierValue, ResolutionResult } from '@idr/contracts';
import { valueId } from './candidates.ts';
import type { ProfileState, ResolutionPlan, ResolverStore, StoredIdentifier, TraitState } from './store.ts';

/** A live profile inside the in-memory store (mutable there, read-only to everyone else). */
interface MutableProfile extends ProfileState {
  identifiers: StoredIdentifier[];
  traits: Record<string, TraitState>;
  mergedFrom: string[];
}

/** The in-memory store, plus inspection helpers for tests and benchmarks. */
export interface MemoryStore extends ResolverStore {
  /** Every live profile, oldest first. */
  listProfiles(): ProfileState[];
  /** The live profile holding a value, if any. */
  profileHolding(key: string, value: string): ProfileState | undefined;
  /** Merged ids and the profile each points to. */
  tombstones(): ReadonlyMap<string, string>;
}

/**
 * A `ResolverStore` in memory, used by tests, previews and benchmarks. It checks invariant I1 on
 * every write and throws if a plan would break it (a resolver bug, never an expected outcome).
 */
export function createMemoryStore(): MemoryStore {
  const profiles = new Map<string, MutableProfile>();
  const holderOf = new Map<string, MutableProfile>();
  const mergedInto = new Map<string, string>();
  const messages = new Map<string, ResolutionResult>();

  function live(id: string): MutableProfile | undefined {
    let current = id;
    // Tombstones may point at other tombstones; follow them to the survivor.
    for (let next = mergedInto.get(current); next !== undefined; next = mergedInto.get(current)) current = next;
    return profiles.get(current);
  }

  return {
    async findProfilesByValues(values: readonly IdentifierValue[]): Promise<ProfileState[]> {
      const found: ProfileState[] = [];
      for (const { key, value } of values) {
        const holder = holderOf.get(valueId(key, value));
        if (holder !== undefined && !found.includes(holder)) found.push(holder);
      }
      return found;
    },

    async getProfile(id: string): Promise<ProfileState | undefined> {
      return live(id);
    },

    async findMessage(messageId: string): Promise<ResolutionResult | undefined> {
      return messages.get(messageId);
    },

    async apply(plan: ResolutionPlan): Promise<void> {
      if (plan.message) messages.set(plan.message.messageId, plan.message.result);
      const write = plan.profile;
      if (!write) return;
      let profile: MutableProfile | undefined;
      if (write.create) {
        if (profiles.has(write.profileId) || mergedInto.has(write.profileId)) {
          throw new Error(`Profile id ${write.profileId} is already taken`);
        }
        profile = {
          id: write.profileId,
          createdAt: write.create.createdAt,
          updatedAt: write.updatedAt,
          identifiers: [],
          traits: {},
          mergedFrom: [],
          mergeCount: 0,
        };
        profiles.set(profile.id, profile);
      } else {
        profile = profiles.get(write.profileId);
        if (!profile) throw new Error(`Profile ${write.profileId} is not live`);
      }
      for (const mergedId of write.mergeProfileIds) {
        const merged = profiles.get(mergedId);
        if (!merged) throw new Error(`Profile ${mergedId} to merge is not live`);
        for (const identifier of merged.identifiers) {
          profile.identifiers.push(identifier);
          holderOf.set(valueId(identifier.key, identifier.value), profile);
        }
        profiles.delete(mergedId);
        mergedInto.set(mergedId, profile.id);
      }
      for (const identifier of write.addIdentifiers) {
        const id = valueId(identifier.key, identifier.value);
        const holder = holderOf.get(id);
        if (holder !== undefined && holder !== profile) {
          throw new Error(`Invariant I1: ${identifier.key} ${identifier.value} is already on profile ${holder.id}`);
        }
        if (holder === profile) continue;
        profile.identifiers.push({ ...identifier });
        holderOf.set(id, profile);
      }
      for (const key in write.setTraits) profile.traits[key] = write.setTraits[key]!;
      profile.mergedFrom = [...write.mergedFrom];
      profile.mergeCount = write.mergeCount;
      profile.updatedAt = write.updatedAt;
    },

    listProfiles(): ProfileState[] {
      return [...profiles.values()].sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    },

    profileHolding(key: string, value: string): ProfileState | undefined {
      return holderOf.get(valueId(key, value));
    },

    tombstones(): ReadonlyMap<string, string> {
      return mergedInto;
    },
  };
}
