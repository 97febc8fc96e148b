import { foldCase, type Identifier, LIMIT_WINDOW_DAYS, type Normalization } from '@idr/contracts';
import { normalizeText } from './normalize.ts';
import { compileBlockedRegex } from './regex-engine.ts';

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
  /** Built-in device identifiers (`ios.id`, `android.push_token`…): the platform and the device field; else `null`. */
  platform: 'ios' | 'android' | null;
  deviceField: string | null;
  normalization: Normalization;
  limitCount: number;
  /** Window length in ms, `null` for `ever`. */
  windowMs: number | null;
  /** The same in days, for the trace's words. */
  windowDays: number | null;
  windowName: string;
  /** Exact blocked values, case-folded (`foldCase`). */
  blockedExact: ReadonlySet<string>;
  /**
   * Longest exact blocked value (case-folded). Folding never shortens a string, so a longer value
   * cannot match one: a cheap pre-check that skips folding for most values.
   */
  blockedExactMaxLength: number;
  blockedRegexes: readonly RegExp[];
  /** Whether any blocked value is configured. */
  hasBlocked: boolean;
  /** Custom identifiers: every spelling of every source key, in reading order (SPEC §5.2). */
  sourceKeys: readonly string[];
  /**
   * Custom identifiers: the trace's name of each place read, `sourcePaths[bag][spelling]` for the
   * bags `traits`, `context.traits`, `properties` (built once, not per event).
   */
  sourcePaths: readonly (readonly string[])[];
}

/** Settings prepared once per settings object. */
export interface CompiledSettings {
  defaultCountry: string;
  identifiers: readonly CompiledIdentifier[];
  byKey: ReadonlyMap<string, CompiledIdentifier>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The bags custom identifiers are read from, in reading order (SPEC §5.2). */
export const SOURCE_BAGS = ['traits', 'context.traits', 'properties'] as const;

/** `phone_number` (or `phone-number`) → `phoneNumber`. */
export function toCamelCase(key: string): string {
  return key.replace(/[_-]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `phoneNumber` (or `phone-number`) → `phone_number`. A dash separates words as `_` does. */
export function toSnakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
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

/**
 * Where a trait is read, for the trace: `traits.phone`, or `traits["crm.id"]` for a key that is one
 * property with a dot in its name, not `traits.crm.id` (a nested path, which is not what is read).
 */
function propertyPath(bag: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${bag}.${key}` : `${bag}[${JSON.stringify(key)}]`;
}

function devicePlace(key: string): Pick<CompiledIdentifier, 'platform' | 'deviceField'> {
  const dot = key.indexOf('.');
  const platform = dot < 0 ? '' : key.slice(0, dot);
  if (platform !== 'ios' && platform !== 'android') return { platform: null, deviceField: null };
  return { platform, deviceField: key.slice(dot + 1) };
}

function compileIdentifier(identifier: Identifier, rank: number, defaultCountry: string): CompiledIdentifier {
  const days = LIMIT_WINDOW_DAYS[identifier.limit.window];
  const blockedExact = new Set<string>();
  let blockedExactMaxLength = -1;
  const blockedRegexes: RegExp[] = [];
  for (const blocked of identifier.blockedValues) {
    if (blocked.match === 'exact') {
      // Values are compared once normalized (SPEC §6), so an exact blocked value blocks its
      // normalized form too: `(415) 555-0100` on a phone identifier blocks `+14155550100`.
      const normalized = normalizeText(identifier.normalization, blocked.value, defaultCountry);
      for (const form of normalized ? [blocked.value, normalized] : [blocked.value]) {
        const folded = foldCase(form);
        blockedExact.add(folded);
        blockedExactMaxLength = Math.max(blockedExactMaxLength, folded.length);
      }
    }
    // Settings are validated when saved, so a pattern that fails to compile here is a broken invariant.
    else blockedRegexes.push(compileBlockedRegex(blocked.value));
  }
  const sourceKeys = identifier.kind === 'custom' ? sourceKeySpellings(identifier.sourceKeys) : [];
  return {
    key: identifier.key,
    displayName: identifier.displayName,
    rank,
    builtIn: identifier.kind === 'default',
    ...devicePlace(identifier.key),
    normalization: identifier.normalization,
    limitCount: identifier.limit.count,
    windowMs: days === null ? null : days * DAY_MS,
    windowDays: days,
    windowName: identifier.limit.window,
    blockedExact,
    blockedExactMaxLength,
    blockedRegexes,
    hasBlocked: blockedExact.size > 0 || blockedRegexes.length > 0,
    sourceKeys,
    sourcePaths: SOURCE_BAGS.map((bag) => sourceKeys.map((spelling) => propertyPath(bag, spelling))),
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
  const identifiers = [...settings.identifiers]
    .sort((a, b) => a.priority - b.priority)
    .map((identifier, rank) => compileIdentifier(identifier, rank, settings.defaultCountry));
  const result: CompiledSettings = {
    defaultCountry: settings.defaultCountry,
    identifiers,
    byKey: new Map(identifiers.map((identifier) => [identifier.key, identifier])),
  };
  compiled.set(settings, result);
  return result;
}
