import { identifierDefaults } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { blockedValueIssues, patternsToJudge } from './identifier-rules.ts';

describe('blocked regex verdicts', () => {
  it('has the suggested patterns judged too, first, since an identifier created without blocked values takes them', () => {
    expect(patternsToJudge(['^x$'])).toEqual(['^[0-]*$', '^x$']);
  });

  it('reads each pattern from the verdicts judged before the write, and never judges one itself', () => {
    const identifier = { ...identifierDefaults('email'), priority: 1 };
    identifier.blockedValues = [
      { value: 'fine', match: 'regex' },
      { value: 'slow', match: 'regex' },
      { value: 'exact', match: 'exact' },
    ];
    const verdicts = new Map([
      ['fine', { ok: true as const }],
      ['slow', { ok: false as const, reason: 'This pattern can make matching extremely slow.' }],
    ]);
    expect(blockedValueIssues(identifier, verdicts, 'identifiers.0.')).toEqual([
      { path: 'identifiers.0.blockedValues.1.value', message: 'This pattern can make matching extremely slow.' },
    ]);
    // Judging in this thread would load recheck here and block the event loop: a missing verdict is a bug.
    expect(() => blockedValueIssues(identifier, new Map([['fine', { ok: true as const }]]))).toThrow(
      'The blocked regex "slow" was not judged before the write',
    );
  });
});
