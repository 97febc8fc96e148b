import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.ts';

/** An error as a driver raises it: a message and a `code`. */
function driverError(code: string, message = `failed with ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['PostgreSQL refuses the connection', driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['the connection is reset', driverError('ECONNRESET')],
    ['the host cannot be resolved', driverError('ENOTFOUND')],
    ['PostgreSQL shuts down (admin_shutdown)', driverError('57P01')],
    ['PostgreSQL is starting up (cannot_connect_now)', driverError('57P03')],
    ['a connection failure (SQLSTATE 08006)', driverError('08006')],
    ['too many connections (SQLSTATE 53300)', driverError('53300')],
    ['PostgreSQL is out of disk (SQLSTATE 53100)', driverError('53100')],
    ['node-postgres loses its connection', new Error('Connection terminated unexpectedly')],
    ['node-postgres times out connecting', new Error('Connection terminated due to connection timeout')],
    ['the pool has no connection free in time', new Error('timeout exceeded when trying to connect')],
    ['SQLite stays locked by another process', driverError('SQLITE_BUSY', 'database is locked')],
    ['SQLite cannot write the disk', driverError('SQLITE_IOERR_WRITE')],
    ['SQLite is out of disk', driverError('SQLITE_FULL')],
    ['a wrapper keeps the driver error as its cause', new Error('Migration failed', { cause: driverError('57P01') })],
  ])('says yes when %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (a conflict, retried elsewhere)', driverError('23505')],
    ['an undefined table (a bug)', driverError('42P01')],
    ['a syntax error (a bug)', driverError('42601')],
    ['a SQLite constraint', driverError('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain error', new Error('Cannot read properties of undefined')],
    ['a thrown string', 'ECONNREFUSED'],
    ['nothing', null],
  ])('says no for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
