// How long the event loop stood still while some work ran: the server's requests wait that long.

/** The longest the event loop went without a turn while `work` ran, and how long `work` took. */
export async function eventLoopGapDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; longestGapMs: number; tookMs: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    const ended = performance.now();
    // The gap still open when the work ends counts too: a blocked loop may not have ticked at all.
    return { result, longestGapMs: Math.max(longestGapMs, ended - last), tookMs: ended - started };
  } finally {
    clearInterval(ticker);
  }
}
