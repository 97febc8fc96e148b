import { type Identifier, LIMIT_WINDOW_DAYS, type Normalization } from '@idr/contracts';

/** What the resolver needs of a space's settings: its country and its identifiers in priority order. */
export interface ResolverSettings {
  defaultCountry: string;
  identifiers: readonly Identifier[];
}

/** One identifier, prepared for the hot path. */
export interface CompiledIdentifier {
  key: string;
  displayName: string;
  /** 0-based position in priority order (0 is the highest priority). */
  rank: number;
  builtIn: boolean;
  normalization: Normalization;
  limitCount: number;
  /** Window length in ms, `null` for `ever`. */
  windowMs: number | null;
  windowName: string;
  blockedExact: ReadonlySet<string>;
  blockedRegexes: readonly RegExp[];
  /** Custom identifiers: every spelling of every source key, in reading order (SPEC §5.2). */
  sourceKeys: readonly string[];
}

/** Settings prepared once per settings object. */
export interface CompiledSettings {
  defaultCountry: string;
  identifiers: readonly CompiledIdentifier[];
  byKey: ReadonlyMap<string, CompiledIdentifier>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `phone_number` → `phoneNumber`. */
export function toCamelCase(key: string): string {
  return key.replace(/_+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `phoneNumber` → `phone_number`. */
export function toSnakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function sourceKeySpellings(sourceKeys: readonly string[]): string[] {
  const spellings: string[] = [];
  for (const sourceKey of sourceKeys) {
    for (const spelling of [sourceKey, toSnakeCase(sourceKey), toCamelCase(sourceKey)]) {
      if (!spellings.includes(spelling)) spellings.push(spelling);
    }
  }
  return spellings;
}

function compileIdentifier(identifier: Identifier, rank: number): CompiledIdentifier {
  const days = LIMIT_WINDOW_DAYS[identifier.limit.window];
  const blockedExact = new Set<string>();
  const blockedRegexes: RegExp[] = [];
  for (const blocked of identifier.blockedValues) {
    if (blocked.match === 'exact') blockedExact.add(blocked.value.toLowerCase());
    // Settings are validated when saved, so a pattern that fails to compile here is a broken invariant.
    else blockedRegexes.push(new RegExp(blocked.value));
  }
  return {
    key: identifier.key,
    displayName: identifier.displayName,
    rank,
    builtIn: identifier.kind === 'default',
    normalization: identifier.normalization,
    limitCount: identifier.limit.count,
    windowMs: days === null ? null : days * DAY_MS,
    windowName: identifier.limit.window,
    blockedExact,
    blockedRegexes,
    sourceKeys: identifier.kind === 'custom' ? sourceKeySpellings(identifier.sourceKeys) : [],
  };
}

const compiled = new WeakMap<ResolverSettings, CompiledSettings>();

/**
 * Prepares settings for resolution (regexes compiled, sets built). Cached per settings object, so
 * the server should keep one settings object per settings version.
 */
export function compileSettings(settings: ResolverSettings): CompiledSettings {
  const cached = compiled.get(settings);
  if (cached) return cached;
  // Sorted by the priority field too, so a caller that passes them in storage order still gets SPEC §7's order.
  const identifiers = [...settings.identifiers].sort((a, b) => a.priority - b.priority).map(compileIdentifier);
  const result: CompiledSettings = {
    defaultCountry: settings.defaultCountry,
    identifiers,
    byKey: new Map(identifiers.map((identifier) => [identifier.key, identifier])),
  };
  compiled.set(settings, result);
  return result;
}
