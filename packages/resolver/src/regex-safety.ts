/// <reference path="./recheck-browser.d.ts" />
import { MAX_BLOCKED_REGEX_LENGTH, regexSyntaxError } from '@idr/contracts';
// A module of its own: recheck is ~3 MB of JavaScript, needed when settings are saved, never while resolving.
import recheck from 'recheck/lib/browser.js';

/** Answer of `checkBlockedRegex`. */
export type BlockedRegexCheck = { ok: true } | { ok: false; reason: string };

// Values are at most 255 characters (SPEC §6), so quadratic matching stays under ~65k steps; a
// cubic or exponential pattern can still take seconds, and is refused.
const MAX_POLYNOMIAL_DEGREE = 2;
const CHECK_TIMEOUT_MS = 2_000;
const checked = new Map<string, BlockedRegexCheck>();

// The reasons are read by admins in the console, next to the pattern they typed: plain words and
// a pattern to avoid, not the checker's complexity class or attack string.
const SLOW = 'This pattern can make matching extremely slow (catastrophic backtracking).';
const REASONS = {
  exponential: `${SLOW} Avoid a repeated group that itself repeats, such as (a+)+, or whose alternatives overlap, such as (a|a)*.`,
  polynomial: `${SLOW} Avoid several repeats in a row that can match the same characters, such as \\d+\\d+\\d+.`,
  unknown: 'Could not confirm in time that this pattern is safe from catastrophic backtracking. Simplify it.',
};

/**
 * Decides whether a blocked-value regex may be saved: it compiles, has at most 200 characters and
 * is not vulnerable to catastrophic backtracking (exponential, or polynomial beyond degree 2),
 * as found by recheck's pure-JavaScript checker. Called by the server when settings are saved.
 */
export function checkBlockedRegex(pattern: string): BlockedRegexCheck {
  if (pattern.length > MAX_BLOCKED_REGEX_LENGTH) {
    return { ok: false, reason: `A regular expression may have at most ${MAX_BLOCKED_REGEX_LENGTH} characters` };
  }
  const syntaxError = regexSyntaxError(pattern);
  if (syntaxError !== null) return { ok: false, reason: `Not a valid regular expression: ${syntaxError}` };
  const cached = checked.get(pattern);
  if (cached) return cached;
  const { check, definite } = analyse(pattern);
  // Timeouts depend on the machine's load, so only definite answers are remembered.
  if (definite) checked.set(pattern, check);
  return check;
}

function analyse(pattern: string): { check: BlockedRegexCheck; definite: boolean } {
  const diagnostics = recheck.checkSync(pattern, '', { timeout: CHECK_TIMEOUT_MS });
  if (diagnostics.status === 'safe') return { check: { ok: true }, definite: true };
  if (diagnostics.status === 'vulnerable') {
    const complexity = diagnostics.complexity;
    if (complexity.type === 'polynomial' && complexity.degree <= MAX_POLYNOMIAL_DEGREE) {
      return { check: { ok: true }, definite: true };
    }
    return { check: { ok: false, reason: REASONS[complexity.type] }, definite: true };
  }
  return { check: { ok: false, reason: REASONS.unknown }, definite: false };
}
