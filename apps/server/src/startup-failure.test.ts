import { describe, expect, it } from 'vitest';
import { ConfigurationError } from './configuration-error.ts';
import { describeStartupFailure } from './startup-failure.ts';

/** An error as node-postgres throws it: a message and a SQLSTATE `code`. */
function postgresError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeStartupFailure', () => {
  it('a setting to change is its message alone', () => {
    expect(describeStartupFailure(new ConfigurationError('Invalid configuration:\n  PORT: too big'))).toBe(
      'Invalid configuration:\n  PORT: too big',
    );
  });

  it('a database that does not exist, or refuses the user, gets a sentence saying what to do', () => {
    expect(describeStartupFailure(postgresError('database "idr" does not exist', '3D000'))).toBe(
      'database "idr" does not exist. Create it with createdb, or check DATABASE_URL.',
    );
    expect(describeStartupFailure(postgresError('password authentication failed for user "idr"', '28P01'))).toBe(
      'the database refused to sign in (password authentication failed for user "idr"). Check DATABASE_URL.',
    );
  });

  it('anything else is a bug, and keeps its stack', () => {
    const bug = new TypeError('cannot read properties of undefined');
    expect(describeStartupFailure(bug)).toBe(bug.stack);
  });
});
