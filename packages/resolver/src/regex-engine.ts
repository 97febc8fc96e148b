import { setFlagsFromString } from 'node:v8';

// Blocked-value patterns are admins' regular expressions, tested against identifier values of every
// event, so one slow pattern stalls the whole server. The save-time check (regex-safety.ts) refuses
// the patterns recheck finds exponential or worse than quadratic, but its verdict is not always
// right: it calls `(.*a){22}` quadratic, and that pattern takes seconds on one 255-character value.
// So any process that compiles these patterns lets V8 rerun a match that backtracks excessively
// (over `--regexp-backtracks-before-fallback`, 50,000 by default) on its linear-time engine, which
// gives the same answer: only such runaway matches change engine, and only for patterns that engine
// can run (no backreferences, lookarounds or large counted repeats); the save-time check refuses
// patterns it cannot run unless recheck finds them safe. Set at import, before any pattern is compiled.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
// Allows the `l` flag, with which `runsInLinearTime` asks whether that engine can run a pattern.
setFlagsFromString('--enable-experimental-regexp-engine');

/** Compiles a blocked-value pattern as written (SPEC §6), after the engine flags above are set. */
export function compileBlockedRegex(pattern: string): RegExp {
  return new RegExp(pattern);
}

/** Whether V8's linear-time engine can run a pattern, so that no match of it can run away. */
export function runsInLinearTime(pattern: string): boolean {
  try {
    new RegExp(pattern, 'l');
    return true;
  } catch {
    return false;
  }
}
