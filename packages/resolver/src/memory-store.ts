import type { IdentifierValue, ResolutionResult } from '@idr/contracts';
import type {
  ProfileState,
  ResolutionPlan,
  ResolverStore,
  StoredIdentifier,
  SyncResolverStore,
  TraitState,
} from './store.ts';

/** A live profile inside the in-memory store (mutable there, read-only to everyone else). */
interface MutableProfile extends ProfileState {
  identifiers: StoredIdentifier[];
  traits: Record<string, TraitState>;
  mergedFrom: string[];
}

/** The in-memory store, plus inspection helpers for tests and benchmarks. */
export interface MemoryStore extends ResolverStore {
  readonly sync: SyncResolverStore;
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
 * It offers the synchronous view (`sync`), which the resolver uses instead of awaiting.
 */
export function createMemoryStore(): MemoryStore {
  const profiles = new Map<string, MutableProfile>();
  // Holders by key, then by value: no `key + value` string to build and hash for each lookup.
  const holders = new Map<string, Map<string, MutableProfile>>();
  const mergedInto = new Map<string, string>();
  const messages = new Map<string, ResolutionResult>();
  // The last profile `holderOf` returned: usually the one the next `apply` writes to, which then
  // needs no lookup by id. Only `apply` ends a profile's life, and it clears this, so it is live.
  let lastRead: MutableProfile | undefined;

  function live(id: string): MutableProfile | undefined {
    let current = id;
    // Tombstones may point at other tombstones; follow them to the survivor.
    for (let next = mergedInto.get(current); next !== undefined; next = mergedInto.get(current)) current = next;
    return profiles.get(current);
  }

  function holderOf(key: string, value: string): MutableProfile | undefined {
    const holder = holders.get(key)?.get(value);
    if (holder !== undefined) lastRead = holder;
    return holder;
  }

  function valuesOf(key: string): Map<string, MutableProfile> {
    let byValue = holders.get(key);
    if (byValue === undefined) {
      byValue = new Map();
      holders.set(key, byValue);
    }
    return byValue;
  }

  function apply(plan: ResolutionPlan): void {
    const read = lastRead;
    lastRead = undefined;
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
      profile = read !== undefined && read.id === write.profileId ? read : profiles.get(write.profileId);
      if (!profile) throw new Error(`Profile ${write.profileId} is not live`);
    }
    // Indexed loops: these lists are often the frozen shared empty list (see NOTHING).
    for (let m = 0; m < write.mergeProfileIds.length; m++) {
      const mergedId = write.mergeProfileIds[m]!;
      const merged = profiles.get(mergedId);
      if (!merged) throw new Error(`Profile ${mergedId} to merge is not live`);
      for (const identifier of merged.identifiers) {
        profile.identifiers.push(identifier);
        valuesOf(identifier.key).set(identifier.value, profile);
      }
      profiles.delete(mergedId);
      mergedInto.set(mergedId, profile.id);
    }
    for (let a = 0; a < write.addIdentifiers.length; a++) {
      const identifier = write.addIdentifiers[a]!;
      const byValue = valuesOf(identifier.key);
      const holder = byValue.get(identifier.value);
      if (holder !== undefined && holder !== profile) {
        throw new Error(`Invariant I1: ${identifier.key} ${identifier.value} is already on profile ${holder.id}`);
      }
      if (holder === profile) continue;
      profile.identifiers.push({ key: identifier.key, value: identifier.value, firstSeenAt: write.addedAt });
      byValue.set(identifier.value, profile);
    }
    for (const key in write.setTraits) {
      const trait = write.setTraits[key]!;
      // Assigning `__proto__` would replace the object's prototype instead of adding a trait.
      if (key === '__proto__')
        Object.defineProperty(profile.traits, key, {
          value: trait,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else profile.traits[key] = trait;
    }
    // The resolver passes the profile's own list back when nothing was merged: no copy needed then.
    if (write.mergedFrom !== profile.mergedFrom && (write.mergedFrom.length > 0 || profile.mergedFrom.length > 0)) {
      profile.mergedFrom = [...write.mergedFrom];
    }
    profile.mergeCount = write.mergeCount;
    profile.updatedAt = write.updatedAt;
  }

  const sync: SyncResolverStore = {
    holderOf,
    findMessage: (messageId) => messages.get(messageId),
    apply,
  };

  return {
    sync,

    async findProfilesByValues(values: readonly IdentifierValue[]): Promise<ProfileState[]> {
      const found: ProfileState[] = [];
      for (const { key, value } of values) {
        const holder = holderOf(key, value);
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
      apply(plan);
    },

    listProfiles(): ProfileState[] {
      return [...profiles.values()].sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    },

    profileHolding(key: string, value: string): ProfileState | undefined {
      return holderOf(key, value);
    },

    tombstones(): ReadonlyMap<string, string> {
      return mergedInto;
    },
  };
}
