import {
  type AddressType,
  type AddressTypeMappings,
  characterCount,
  countryLabel,
  cutToCharacters,
  exceedsCharacters,
  hasNumberingPlan,
} from '@idr/contracts';
import { findBlockedMatch } from './blocked.ts';
import { MAX_IDENTIFIER_VALUE_LENGTH, normalizeIdentifierValue } from './normalize.ts';
import { internationalRewrite, phoneNumberProblem } from './phone-problem.ts';
import { type CompiledIdentifier, compileSettings, type ResolverSettings } from './settings.ts';
import type { ProfileState, ResolverStore } from './store.ts';

/** Why a lookup could not run; the server maps each code to its HTTP status (SPEC §9). */
export type LookupErrorCode = 'address_type_not_mapped' | 'identifier_not_found' | 'invalid_address';

/** A lookup that could not run. */
export interface LookupFailure {
  ok: false;
  code: LookupErrorCode;
  message: string;
}

/** The identifier a lookup searched and the value it searched for. */
export interface LookupTarget {
  ok: true;
  identifier: { key: string; displayName: string };
  normalizedValue: string;
  /**
   * The value is blocked for this identifier: events never add it and a lookup creates no profile
   * for it, but a profile that held it before it was blocked still holds it, and is found.
   */
  blocked: boolean;
}

/** What a lookup found (at most one profile, by invariant I1), and whether it created it. */
export interface LookupFound {
  ok: true;
  identifier: { key: string; displayName: string };
  normalizedValue: string;
  profiles: ProfileState[];
  created: boolean;
}

/** Longest part of a typed value a message quotes: enough to recognise it, short enough to read. */
const QUOTED_VALUE_LENGTH = 60;

const OTHER_COUNTRIES = 'a number of another country is written with + and its country code';

/**
 * Why a phone number cannot be read, and what to change: in the admin's words, with the space's
 * default country named as the console names it when it decided (a number written without +).
 */
function phoneProblemHint(raw: string, defaultCountry: string): string {
  const { problem, international } = phoneNumberProblem(raw, defaultCountry);
  const country = countryLabel(defaultCountry);
  if (!international && !hasNumberingPlan(defaultCountry)) {
    return `write it with its country code: the default country, ${country}, has no numbering plan`;
  }
  // "00 44 …" or "011 44 …" with a default country that dials abroad otherwise (those it uses are read).
  const rewrite = international ? null : internationalRewrite(raw);
  if (rewrite) return `${rewrite.prefix} is a dialling prefix, not part of the number: write it as ${rewrite.number}`;
  switch (problem) {
    case 'not_a_number':
      return 'write only the number: digits, spaces, brackets, dashes and a leading +';
    case 'unknown_country_code':
      return 'no country has the code it starts with';
    case 'too_short':
      return international
        ? 'too short for a number of its country code'
        : `too short for a number of ${country}: include the area code, or write it with + and its country code`;
    case 'too_long':
      return international
        ? 'too long for a number of its country code'
        : `too long for a number of ${country}; ${OTHER_COUNTRIES}`;
    case 'not_valid':
      return international
        ? 'no number of its country code has this form'
        : `no number of ${country} has this form; ${OTHER_COUNTRIES}`;
  }
}

/** Why a typed address or value cannot be searched, in an admin's words. */
function unreadableValueMessage(settings: ResolverSettings, identifier: CompiledIdentifier, raw: string): string {
  const trimmed = raw.trim();
  const shown = exceedsCharacters(trimmed, QUOTED_VALUE_LENGTH)
    ? `${JSON.stringify(cutToCharacters(trimmed, QUOTED_VALUE_LENGTH))}… (${characterCount(trimmed)} characters)`
    : JSON.stringify(trimmed);
  if (raw.trim() === '') return 'Enter a value to search for';
  switch (identifier.normalization) {
    case 'phone':
      return `${shown} is not a phone number that can be read (${phoneProblemHint(raw, settings.defaultCountry)})`;
    case 'email':
      return exceedsCharacters(trimmed, MAX_IDENTIFIER_VALUE_LENGTH)
        ? `${shown} is longer than an email address may be (at most ${MAX_IDENTIFIER_VALUE_LENGTH} characters)`
        : `${shown} is not an email address (expected name@domain)`;
    default:
      return `${shown} cannot be used as a ${identifier.key} value (at most 255 characters)`;
  }
}

function targetFor(
  settings: ResolverSettings,
  identifier: CompiledIdentifier,
  raw: string,
): LookupTarget | LookupFailure {
  const normalized = normalizeIdentifierValue(identifier.normalization, raw, settings.defaultCountry);
  if (normalized.kind !== 'value') {
    return { ok: false, code: 'invalid_address', message: unreadableValueMessage(settings, identifier, raw) };
  }
  return {
    ok: true,
    identifier: { key: identifier.key, displayName: identifier.displayName },
    normalizedValue: normalized.value,
    blocked: findBlockedMatch(identifier, normalized.value) !== null,
  };
}

/**
 * Picks the identifier mapped to an address type and normalizes the address with its
 * normalization (SPEC §8): `+1 (415) 555-0100` on `phone` becomes `+14155550100`.
 */
export function normalizeAddress(input: {
  settings: ResolverSettings;
  mappings: AddressTypeMappings;
  addressType: AddressType;
  address: string;
}): LookupTarget | LookupFailure {
  const key = input.mappings[input.addressType];
  if (key === null) {
    return {
      ok: false,
      code: 'address_type_not_mapped',
      message: `No identifier is mapped to the ${input.addressType} address type`,
    };
  }
  const identifier = compileSettings(input.settings).byKey.get(key);
  if (!identifier) {
    return {
      ok: false,
      code: 'address_type_not_mapped',
      message: `The ${input.addressType} address type is mapped to ${key}, which does not exist`,
    };
  }
  return targetFor(input.settings, identifier, input.address);
}

/** Normalizes a value for an identifier key, for the manual search by key and value. */
export function normalizeLookupValue(input: {
  settings: ResolverSettings;
  key: string;
  value: string;
}): LookupTarget | LookupFailure {
  const identifier = compileSettings(input.settings).byKey.get(input.key);
  if (!identifier)
    return {
      ok: false,
      code: 'identifier_not_found',
      message: `No identifier has the key ${JSON.stringify(input.key)}`,
    };
  return targetFor(input.settings, identifier, input.value);
}

/** The live profile holding an identifier value (already normalized), if any. */
export async function findProfileByValue(
  store: ResolverStore,
  key: string,
  value: string,
): Promise<ProfileState | undefined> {
  const [profile] = await store.findProfilesByValues([{ key, value }]);
  return profile;
}

/** Follows a profile id through tombstones: the survivor, and whether the id was merged (a 308 for the API). */
export async function followTombstone(
  store: ResolverStore,
  id: string,
): Promise<{ profile: ProfileState; merged: boolean } | undefined> {
  const profile = await store.getProfile(id);
  return profile ? { profile, merged: profile.id !== id } : undefined;
}

async function search(store: ResolverStore, target: LookupTarget): Promise<ProfileState[]> {
  // Blocked or not: settings changes are not applied to existing profiles (SPEC §2), so a value
  // blocked after a profile took it is still that profile's, and the agent should see it.
  const profile = await findProfileByValue(store, target.identifier.key, target.normalizedValue);
  return profile ? [profile] : [];
}

/**
 * Lookup by address type (SPEC §8): normalize through the mapped identifier and search. With
 * `createIfNotFound`, a blank profile holding just that value is created, `createdAt` = server time.
 */
export async function lookupByAddress(input: {
  settings: ResolverSettings;
  mappings: AddressTypeMappings;
  addressType: AddressType;
  address: string;
  createIfNotFound?: boolean;
  store: ResolverStore;
  now: () => number;
  newId: () => string;
}): Promise<LookupFound | LookupFailure> {
  const target = normalizeAddress(input);
  if (!target.ok) return target;
  const profiles = await search(input.store, target);
  const found = { ok: true as const, identifier: target.identifier, normalizedValue: target.normalizedValue };
  if (profiles.length > 0 || !input.createIfNotFound) return { ...found, profiles, created: false };
  if (target.blocked) {
    return {
      ok: false,
      code: 'invalid_address',
      message: `${target.normalizedValue} is a blocked ${target.identifier.key} value: no profile may hold it`,
    };
  }
  const at = input.now();
  const id = input.newId();
  const value = { key: target.identifier.key, value: target.normalizedValue };
  await input.store.apply({
    message: null,
    profile: {
      profileId: id,
      create: { createdAt: at },
      mergeProfileIds: [],
      addIdentifiers: [value],
      addedAt: at,
      setTraits: {},
      mergedFrom: [],
      mergeCount: 0,
      updatedAt: at,
    },
  });
  const profile: ProfileState = {
    id,
    createdAt: at,
    updatedAt: at,
    identifiers: [{ ...value, firstSeenAt: at }],
    traits: {},
    mergedFrom: [],
    mergeCount: 0,
  };
  return { ...found, profiles: [profile], created: true };
}

/** Lookup by identifier key and value (the agent's manual search); never creates. */
export async function lookupByIdentifier(input: {
  settings: ResolverSettings;
  key: string;
  value: string;
  store: ResolverStore;
}): Promise<LookupFound | LookupFailure> {
  const target = normalizeLookupValue(input);
  if (!target.ok) return target;
  const profiles = await search(input.store, target);
  return { ok: true, identifier: target.identifier, normalizedValue: target.normalizedValue, profiles, created: false };
}
