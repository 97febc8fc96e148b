/**
 * Number of first-seen times inside the sliding window that ends at `at` (SPEC §7 step 3):
 * the window is `(at - windowMs, at]`, so a value first seen exactly one window ago has left it;
 * `windowMs === null` (`ever`) counts every value.
 *
 * Out-of-order events: a value first seen after `at` belongs to later windows that the new value
 * also falls in, so the count is the largest over every window that contains `at`. For an
 * in-order stream (nothing first seen after `at`) this is exactly the window ending at `at`.
 */
export function countInWindow(firstSeenTimes: readonly number[], at: number, windowMs: number | null): number {
  if (windowMs === null) return firstSeenTimes.length;
  let inWindow = 0;
  let later = false;
  for (const time of firstSeenTimes) {
    if (time > at) later = true;
    else if (time > at - windowMs) inWindow++;
  }
  if (!later) return inWindow;
  // Windows (end - windowMs, end] for end in [at, at + windowMs): the count changes only at `at`
  // and at each later first-seen time, so those ends are enough.
  let best = inWindow;
  for (const end of firstSeenTimes) {
    if (end <= at || end >= at + windowMs) continue;
    let count = 0;
    for (const time of firstSeenTimes) if (time <= end && time > end - windowMs) count++;
    if (count > best) best = count;
  }
  return best;
}

/** Largest merge count a survivor may reach (SPEC §7 step 3). */
export const MAX_MERGE_COUNT = 100;

/** Most identifier values one profile may hold (SPEC §7 step 3). */
export const MAX_PROFILE_VALUES = 1000;
