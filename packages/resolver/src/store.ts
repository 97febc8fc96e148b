import type { IdentifierValue, ResolutionResult } from '@idr/contracts';

/** An identifier value held by a profile, with the time (epoch ms) it was first seen on a profile. */
export interface StoredIdentifier {
  key: string;
  value: string;
  firstSeenAt: number;
}

/** A trait value and the timestamp (epoch ms) of the event that set it; the newest wins (SPEC §7.6). */
export interface TraitState {
  value: unknown;
  at: number;
}

/** A live profile as the resolver reads it. Times are epoch milliseconds. Never mutated by the resolver. */
export interface ProfileState {
  id: string;
  createdAt: number;
  updatedAt: number;
  identifiers: readonly StoredIdentifier[];
  traits: Readonly<Record<string, TraitState>>;
  /** Every profile merged into this one, transitively, oldest merge first. */
  mergedFrom: readonly string[];
  /** Number of profiles merged into this one, transitively (equals `mergedFrom.length`). */
  mergeCount: number;
}

/**
 * What the resolver decided for one profile: the store applies it as one unit (in the same
 * transaction as the reads that led to it).
 */
export interface ProfileWrite {
  /** The profile that ends up holding the values: a new one, the matched one, or the survivor. */
  profileId: string;
  /** Set when the profile is new: insert it with this creation time (epoch ms). */
  create: { createdAt: number } | null;
  /**
   * Live profiles merged into `profileId`, oldest first: move their identifier values (keeping
   * their first-seen times) to it, drop their traits, and turn each into a tombstone pointing to
   * `profileId`. Tombstones that pointed to them must keep resolving to `profileId`.
   */
  mergeProfileIds: readonly string[];
  /**
   * Values new to every live profile: insert them on `profileId`, first seen at `addedAt`. I1
   * guarantees none is held elsewhere.
   */
  addIdentifiers: readonly IdentifierValue[];
  /** When the added values were first seen (epoch ms): the event's timestamp. */
  addedAt: number;
  /** Traits whose winning value changed on `profileId` (after the merge): upsert these keys. */
  setTraits: Readonly<Record<string, TraitState>>;
  /** The profile's full `mergedFrom` and `mergeCount` after this write. */
  mergedFrom: readonly string[];
  mergeCount: number;
  /** Processing time (epoch ms), the profile's new `updatedAt`. */
  updatedAt: number;
}

/** Everything one resolution writes. `null` parts write nothing. */
export interface ResolutionPlan {
  /** Remember the result under the message id so a repeat answers `duplicate` (SPEC §7.7). */
  message: { messageId: string; result: ResolutionResult } | null;
  profile: ProfileWrite | null;
}

/**
 * An optional synchronous view of a store that lives in memory. When a store offers it, the
 * resolver reads and writes through it without awaiting (the same calls, in the same order, as the
 * async port): a promise per store call costs more than the work of an in-memory lookup.
 */
export interface SyncResolverStore {
  /** The live profile (never a tombstone) holding this value, if any. */
  holderOf(key: string, value: string): ProfileState | undefined;
  /** The result first recorded for this message id, if any. */
  findMessage(messageId: string): ResolutionResult | undefined;
  /** Writes a decided resolution, like `ResolverStore.apply`. */
  apply(plan: ResolutionPlan): void;
}

/**
 * The persistence port of the resolver: one space's profiles. The server implements it on SQL
 * inside one transaction per event (reads lock the identifier values they touch), the in-memory
 * store implements it for tests, previews and benchmarks.
 */
export interface ResolverStore {
  /** Live profiles (never tombstones) holding any of these values; each profile once, in any order. */
  findProfilesByValues(values: readonly IdentifierValue[]): Promise<ProfileState[]>;
  /** The live profile with this id, following tombstones to the survivor; `undefined` if unknown. */
  getProfile(id: string): Promise<ProfileState | undefined>;
  /** The result first recorded for this message id, if any. */
  findMessage(messageId: string): Promise<ResolutionResult | undefined>;
  /** Writes a decided resolution. Only `resolveEvent` and `lookupByAddress` with `createIfNotFound` call it. */
  apply(plan: ResolutionPlan): Promise<void>;
  /** Optional: the same store, synchronously (in-memory stores only; SQL adapters leave it out). */
  readonly sync?: SyncResolverStore;
}
