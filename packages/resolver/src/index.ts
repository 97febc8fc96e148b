export { type BlockedMatch, findBlockedMatch } from './blocked.ts';
export { type Candidate, type PreparedCandidates, prepareCandidates, valueId } from './candidates.ts';
export { type Extraction, extractCandidates, type RawCandidate } from './extract.ts';
export { countInWindow, MAX_MERGE_COUNT, MAX_PROFILE_VALUES } from './limits.ts';
export {
  findProfileByValue,
  followTombstone,
  type LookupErrorCode,
  type LookupFailure,
  type LookupFound,
  type LookupTarget,
  lookupByAddress,
  lookupByIdentifier,
  normalizeAddress,
  normalizeLookupValue,
} from './lookup.ts';
export { createMemoryStore, type MemoryStore } from './memory-store.ts';
export {
  describeRawValue,
  forgetPhoneNumbers,
  MAX_IDENTIFIER_VALUE_LENGTH,
  type NormalizedValue,
  normalizeEmail,
  normalizeIdentifierValue,
  normalizePhone,
  phoneParseCount,
} from './normalize.ts';
export { toProfileView } from './profile-view.ts';
export {
  type BlockedRegexCheck,
  blockedRegexVerdict,
  checkBlockedRegex,
  RECHECK_TIMEOUT_MS,
  type RecheckOutcome,
  recheckPattern,
} from './regex-safety.ts';
export {
  planParsedResolution,
  planResolution,
  previewEvent,
  type ResolutionDecision,
  type ResolveInput,
  type ResolveParsedInput,
  type ResolveParsedSyncInput,
  type ResolveSyncInput,
  resolveEvent,
  resolveEventSync,
  resolveParsedEvent,
  resolveParsedEventSync,
} from './resolve.ts';
export {
  type CompiledIdentifier,
  type CompiledSettings,
  compileSettings,
  type ResolverSettings,
  toCamelCase,
  toSnakeCase,
} from './settings.ts';
export type {
  ProfileState,
  ProfileWrite,
  ResolutionPlan,
  ResolverStore,
  StoredIdentifier,
  SyncResolverStore,
  TraitState,
} from './store.ts';
export { type EventParse, eventTime, parseEvent } from './validate.ts';
