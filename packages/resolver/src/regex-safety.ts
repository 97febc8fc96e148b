/// <reference path="./recheck-browser.d.ts" />
import { MAX_BLOCKED_REGEX_LENGTH } from '@idr/contracts';
// A module of its own: recheck is ~3 MB of JavaScript, needed when settings are saved, never while resolving.
import recheck from 'recheck/lib/browser.js';

/** Answer of `checkBlockedRegex`. */
export type BlockedRegexCheck = { ok: true } | { ok: false; reason: string };

// Values are at most 255 characters (SPEC §6), so quadratic matching stays under ~65k steps; a
// cubic or exponential pattern can still take seconds, and is refused.
const MAX_POLYNOMIAL_DEGREE = 2;
const CHECK_TIMEOUT_MS = 2_000;
const checked = new Map<string, BlockedRegexCheck>();

/**
 * Decides whether a blocked-value regex may be saved: it compiles, has at most 200 characters and
 * is not vulnerable to catastrophic backtracking (exponential, or polynomial beyond degree 2),
 * as found by recheck's pure-JavaScript checker. Called by the server when settings are saved.
 */
export function checkBlockedRegex(pattern: string): BlockedRegexCheck {
  if (pattern.length > MAX_BLOCKED_REGEX_LENGTH) {
    return { ok: false, reason: `A regular expression may have at most ${MAX_BLOCKED_REGEX_LENGTH} characters` };
  }
  try {
    new RegExp(pattern);
  } catch (error) {
    return { ok: false, reason: `Not a valid regular expression: ${(error as Error).message}` };
  }
  const cached = checked.get(pattern);
  if (cached) return cached;
  const result = analyse(pattern);
  // Timeouts depend on the machine's load, so only definite answers are remembered.
  if (result.ok || !result.reason.startsWith('Could not')) checked.set(pattern, result);
  return result;
}

function analyse(pattern: string): BlockedRegexCheck {
  const diagnostics = recheck.checkSync(pattern, '', { timeout: CHECK_TIMEOUT_MS });
  if (diagnostics.status === 'safe') return { ok: true };
  if (diagnostics.status === 'vulnerable') {
    const complexity = diagnostics.complexity;
    if (complexity.type === 'polynomial' && complexity.degree <= MAX_POLYNOMIAL_DEGREE) return { ok: true };
    const attack = diagnostics.attack.pattern.slice(0, 60);
    return {
      ok: false,
      reason: `This regular expression can backtrack catastrophically (${complexity.summary} time, e.g. on ${attack}); rewrite it without nested or overlapping repetition`,
    };
  }
  return {
    ok: false,
    reason: `Could not prove this regular expression safe from catastrophic backtracking (${diagnostics.error.kind}); simplify it`,
  };
}
