import { checkBlockedRegex } from '@idr/resolver';
import { afterAll, describe, expect, it } from 'vitest';
import { eventLoopGapDuring } from '../../test-support/event-loop-gap.ts';
import { createBlockedRegexChecker, notJudgedInTime } from './blocked-regex-checker.ts';

// Each test judges patterns of its own: definite verdicts are remembered for the whole process.
describe('the blocked-regex checker', () => {
  const checker = createBlockedRegexChecker();
  afterAll(() => checker.close());

  it('gives the verdicts the resolver gives, refusals with their reasons', async () => {
    const patterns = ['^same-[a-z]+$', '(x+x+)+same', '(a+)+$', '([same'];
    const verdicts = await checker.judge(patterns);
    expect([...verdicts.keys()]).toEqual(patterns);
    for (const pattern of patterns) expect(verdicts.get(pattern)).toEqual(checkBlockedRegex(pattern));
    expect(verdicts.get('^same-[a-z]+$')).toEqual({ ok: true });
    expect(verdicts.get('(x+x+)+same')).toMatchObject({ ok: false, reason: expect.stringMatching(/catastrophic/) });
  });

  it('leaves the event loop free while recheck spends a second on a pattern', async () => {
    // recheck takes about a second to call this one polynomial of degree 23; in this thread, the
    // event loop would stand still that long.
    const { result, longestGapMs, tookMs } = await eventLoopGapDuring(() => checker.judge(['(.*d){22}$']));
    expect(result.get('(.*d){22}$')).toMatchObject({ ok: false });
    expect(tookMs).toBeGreaterThan(200);
    expect(longestGapMs).toBeLessThan(tookMs / 4);
  });

  it('refuses the patterns a request has no time left for, naming the budget, and judges them on a later request', async () => {
    const hurried = createBlockedRegexChecker({ budgetMs: 1 });
    try {
      const patterns = Array.from({ length: 4 }, (_, i) => `^budget-${i}-[a-z]+\\d*$`);
      const first = await hurried.judge(patterns);
      // Each pattern costs recheck milliseconds: the budget runs out after the first, which a
      // request always judges (remembered patterns cost nothing and are always answered).
      expect(first.get(patterns[0]!)).toEqual({ ok: true });
      expect(first.get(patterns[3]!)).toEqual({ ok: false, reason: notJudgedInTime(1) });
      expect(notJudgedInTime(15_000)).toMatch(/checked in 15 s\. Save it in smaller parts/);
      // Judged patterns are remembered, so a repeat of the request gets further each time.
      let verdicts = first;
      for (let attempt = 0; attempt < patterns.length && !verdicts.get(patterns[3]!)?.ok; attempt++) {
        verdicts = await hurried.judge(patterns);
      }
      expect(verdicts.get(patterns[3]!)).toEqual({ ok: true });
    } finally {
      await hurried.close();
    }
  });

  it('starts a new worker after the last one ended, even in the middle of a pattern', async () => {
    const interrupted = checker.judge(['(.*e){22}$']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await checker.close();
    // No verdict from recheck: the pattern is judged as after a timeout (refused here, as V8's
    // linear-time engine cannot run a counted repeat this large), and not remembered.
    expect((await interrupted).get('(.*e){22}$')).toMatchObject({ ok: false });
    expect((await checker.judge(['(y+y+)+z'])).get('(y+y+)+z')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/catastrophic/),
    });
  });
});
