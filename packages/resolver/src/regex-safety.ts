/// <reference path="./recheck-browser.d.ts" />
import { MAX_BLOCKED_REGEX_LENGTH, regexSyntaxError } from '@idr/contracts';
// A module of its own: recheck is ~3 MB of JavaScript, needed when settings are saved, never while resolving.
import recheck from 'recheck/lib/browser.js';
import { runsInLinearTime } from './regex-engine.ts';
import { TwoGenerationCache } from './two-generation-cache.ts';

/** Answer of `checkBlockedRegex`. */
export type BlockedRegexCheck = { ok: true } | { ok: false; reason: string };

// Values are at most 255 characters (SPEC §6; 510 UTF-16 units when every one is an emoji), so
// quadratic matching stays under ~260k steps; a cubic or exponential pattern can still take
// seconds, and is refused.
const MAX_POLYNOMIAL_DEGREE = 2;
/** The longest recheck may spend on one pattern (each verdict asks it at most twice). */
export const RECHECK_TIMEOUT_MS = 2_000;
// Verdicts by pattern, bounded: any client may send new patterns, and a space holds at most
// 200 × 100 of them, which this keeps whole.
const checked = new TwoGenerationCache<BlockedRegexCheck>(20_000);

// The reasons are read by admins in the console, next to the pattern they typed: plain words and
// a pattern to avoid, not the checker's complexity class or attack string.
const SLOW = 'This pattern can make matching extremely slow (catastrophic backtracking).';
const REASONS = {
  exponential: `${SLOW} Avoid a repeated group that itself repeats, such as (a+)+, or whose alternatives overlap, such as (a|a)*.`,
  polynomial: `${SLOW} Avoid repeats that can match the same characters in several ways, such as \\d+\\d+\\d+ or (.*a){20}.`,
  unknown: 'Could not confirm in time that this pattern is safe from catastrophic backtracking. Simplify it.',
  unchecked:
    'Could not check this pattern for catastrophic backtracking. Simplify it, for example with smaller repeat counts.',
};

/**
 * What recheck said of one pattern, as plain data: what a worker thread can send back (recheck's
 * own answer is a Scala.js object that does not survive `postMessage`). `failed`: the checker threw.
 */
export type RecheckOutcome =
  | { status: 'safe' }
  | { status: 'vulnerable'; complexity: { type: 'exponential' } | { type: 'polynomial'; degree: number } }
  | { status: 'unknown' }
  | { status: 'failed' };

/** Runs recheck on one pattern in this thread (up to `timeoutMs`). */
export function recheckPattern(pattern: string, timeoutMs = RECHECK_TIMEOUT_MS): RecheckOutcome {
  try {
    const diagnostics = recheck.checkSync(pattern, '', { timeout: timeoutMs });
    if (diagnostics.status !== 'vulnerable') return { status: diagnostics.status };
    const complexity = diagnostics.complexity;
    return {
      status: 'vulnerable',
      complexity:
        complexity.type === 'polynomial' ? { type: 'polynomial', degree: complexity.degree } : { type: 'exponential' },
    };
  } catch {
    // The checker fails on some patterns V8 accepts, e.g. a repeat count over 2^31 (`a{99999999999}`).
    return { status: 'failed' };
  }
}

/**
 * Decides whether a blocked-value regex may be saved: it compiles, has at most 200 characters and
 * is not vulnerable to catastrophic backtracking, as found by recheck's pure-JavaScript checker:
 * - safe: accepted;
 * - exponential, or polynomial beyond degree 2, as written or closed by `$` (see `judge`): refused;
 * - quadratic, or no verdict (a timeout, or a pattern the checker cannot read): accepted only if
 *   V8's linear-time engine can run it, which then takes over any match that runs away
 *   (regex-engine.ts). recheck may call a pattern quadratic that is far worse: `(.*a){22}`.
 *
 * Step by step, so that recheck may run elsewhere: the generator yields each pattern recheck must
 * judge and is sent its outcome back. recheck can take seconds on a pattern, so the server runs it
 * in a worker thread; `checkBlockedRegex` runs it here. The cheap checks and remembered verdicts
 * yield nothing.
 */
export function* blockedRegexVerdict(pattern: string): Generator<string, BlockedRegexCheck, RecheckOutcome> {
  if (pattern.length > MAX_BLOCKED_REGEX_LENGTH) {
    return { ok: false, reason: `A regular expression may have at most ${MAX_BLOCKED_REGEX_LENGTH} characters` };
  }
  const syntaxError = regexSyntaxError(pattern);
  if (syntaxError !== null) return { ok: false, reason: `Not a valid regular expression: ${syntaxError}` };
  const cached = checked.get('', pattern);
  if (cached) return cached;
  const { check, definite } = yield* judge(pattern);
  // Timeouts depend on the machine's load, so only definite answers are remembered.
  if (definite) checked.set('', pattern, check);
  return check;
}

/** `blockedRegexVerdict` with recheck run in this thread: blocks it for up to seconds on a hard pattern. */
export function checkBlockedRegex(pattern: string): BlockedRegexCheck {
  const steps = blockedRegexVerdict(pattern);
  let step = steps.next();
  while (!step.done) step = steps.next(recheckPattern(step.value));
  return step.value;
}

type Judgement = { check: BlockedRegexCheck; definite: boolean };

/**
 * The pattern is judged twice: as written, and closed by `$`. As written, recheck calls `(a+)+`
 * safe, and rightly for `test` (a match of it alone succeeds at once); but a repeated repeat is
 * what "vulnerable to catastrophic backtracking" means to admins and to the SPEC's readers (it is
 * the textbook example), and the same group runs away as soon as anything must match after it
 * (`(a+)+$`, `(a+)+@example\.com`). Closed by `$`, recheck sees that. Patterns that hold no such
 * group get the same verdict both ways (`^[0-]*$`, `.*@example\.com$`).
 */
function* judge(pattern: string): Generator<string, Judgement, RecheckOutcome> {
  const asWritten = diagnose(yield pattern);
  if (asWritten.kind === 'refused') return { check: { ok: false, reason: asWritten.reason }, definite: true };
  const closed = diagnose(yield `(?:${pattern})$`);
  if (closed.kind === 'refused') return { check: { ok: false, reason: closed.reason }, definite: true };
  const doubt = asWritten.kind === 'doubtful' ? asWritten : closed.kind === 'doubtful' ? closed : null;
  if (doubt === null) return { check: { ok: true }, definite: true };
  // Both answers are remembered only when both are definite (a timeout depends on the machine's load).
  const definite =
    (asWritten.kind !== 'doubtful' || asWritten.definite) && (closed.kind !== 'doubtful' || closed.definite);
  return linearOr(pattern, doubt.reason, definite);
}

/** recheck's verdict on one pattern, in the terms of `checkBlockedRegex`. */
type Diagnosis =
  | { kind: 'safe' }
  | { kind: 'refused'; reason: string }
  /** Accepted only if V8's linear-time engine can run the pattern, else refused for `reason`. */
  | { kind: 'doubtful'; reason: string; definite: boolean };

function diagnose(outcome: RecheckOutcome): Diagnosis {
  switch (outcome.status) {
    case 'safe':
      return { kind: 'safe' };
    case 'failed':
      return { kind: 'doubtful', reason: REASONS.unchecked, definite: true };
    case 'vulnerable': {
      const complexity = outcome.complexity;
      if (complexity.type === 'polynomial' && complexity.degree <= MAX_POLYNOMIAL_DEGREE) {
        return { kind: 'doubtful', reason: REASONS.polynomial, definite: true };
      }
      return { kind: 'refused', reason: REASONS[complexity.type] };
    }
    case 'unknown':
      // Timeouts depend on the machine's load: the answer is not remembered.
      return { kind: 'doubtful', reason: REASONS.unknown, definite: false };
  }
}

/** Accepted if the linear-time engine can run the pattern, else refused for `reason`. */
function linearOr(pattern: string, reason: string, definite: boolean): Judgement {
  return { check: runsInLinearTime(pattern) ? { ok: true } : { ok: false, reason }, definite };
}
