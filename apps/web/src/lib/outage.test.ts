import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, ResponseSchemaError } from './errors.ts';
import { nextOutage, type Outage, outageOf, outageStoreOf } from './outage.ts';

const databaseUnavailable = new ApiError({
  status: 503,
  code: 'database_unavailable',
  title: 'The database is unavailable',
  detail: 'It did not answer. Try again in a few seconds.',
  requestId: 'req-1',
});
const serverUnreachable = new NetworkError('Could not reach the server.');
const conflict = new ApiError({ status: 412, code: 'version_conflict', title: 'Conflict', detail: 'Changed' });

describe('outageOf', () => {
  it.each<[string, unknown, Outage | null]>([
    ['a 503 database_unavailable', databaseUnavailable, 'database'],
    ['no answer at all', serverUnreachable, 'server'],
    ['a proxy’s 502 page', new ApiError({ status: 502, code: 'unknown', title: 'Bad Gateway', detail: '' }), 'server'],
    ['a proxy’s 503 page', new ApiError({ status: 503, code: 'unknown', title: 'HTTP 503', detail: '' }), 'server'],
    ['a proxy’s 504 page', new ApiError({ status: 504, code: 'unknown', title: 'HTTP 504', detail: '' }), 'server'],
    // The server answered these itself: it and its database are up.
    ['a 500 internal_error', new ApiError({ status: 500, code: 'internal_error', title: 'x', detail: '' }), null],
    ['a 500 without problem+json', new ApiError({ status: 500, code: 'unknown', title: 'HTTP 500', detail: '' }), null],
    ['a 404 space_not_found', new ApiError({ status: 404, code: 'space_not_found', title: 'x', detail: '' }), null],
    ['a 412 version_conflict', conflict, null],
    ['an answer that breaks the contract', new ResponseSchemaError('getIdentifiers', 200, [], null), null],
    ['anything else', new Error('boom'), null],
  ])('%s → %s', (_, error, outage) => {
    expect(outageOf(error)).toBe(outage);
  });
});

describe('nextOutage', () => {
  it.each<[string, Outage | null, Parameters<typeof nextOutage>[1], Outage | null]>([
    ['a database failure shows the database outage', null, { ok: false, error: databaseUnavailable }, 'database'],
    ['no answer shows the server outage', null, { ok: false, error: serverUnreachable }, 'server'],
    [
      'the latest kind wins: the server is back, its database not',
      'server',
      { ok: false, error: databaseUnavailable },
      'database',
    ],
    ['the latest kind wins: the server went down too', 'database', { ok: false, error: serverUnreachable }, 'server'],
    ['a success ends a database outage', 'database', { ok: true }, null],
    ['a success ends a server outage', 'server', { ok: true }, null],
    ['a success without an outage changes nothing', null, { ok: true }, null],
    ['another failure keeps the outage', 'database', { ok: false, error: conflict }, 'database'],
    ['another failure shows none', null, { ok: false, error: conflict }, null],
  ])('%s', (_, current, outcome, next) => {
    expect(nextOutage(current, outcome)).toBe(next);
  });
});

/** A query client like the app's, without retries, so that each failure settles at once. */
function testClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

function failWith(error: unknown) {
  return () => Promise.reject(error);
}

describe('outageStoreOf', () => {
  it('shows an outage when a query gives up on it, and ends it on the next answer', async () => {
    const client = testClient();
    const store = outageStoreOf(client);
    let changes = 0;
    store.subscribe(() => changes++);
    expect(store.get()).toBeNull();

    await client.fetchQuery({ queryKey: ['identifiers'], queryFn: failWith(databaseUnavailable) }).catch(() => {});
    expect(store.get()).toBe('database');
    // Another section failing the same way says nothing new.
    await client.fetchQuery({ queryKey: ['mappings'], queryFn: failWith(databaseUnavailable) }).catch(() => {});
    expect(changes).toBe(1);

    await client.fetchQuery({ queryKey: ['identifiers'], queryFn: () => Promise.resolve([]) });
    expect(store.get()).toBeNull();
    expect(changes).toBe(2);
  });

  it('leaves a failed save to its form, but takes a save that works for the end of an outage', async () => {
    const client = testClient();
    const store = outageStoreOf(client);
    const save = (fn: () => Promise<unknown>) =>
      client.getMutationCache().build(client, { mutationFn: fn }).execute(undefined);
    await save(failWith(serverUnreachable)).catch(() => {});
    expect(store.get()).toBeNull();
    await client.fetchQuery({ queryKey: ['identifiers'], queryFn: failWith(serverUnreachable) }).catch(() => {});
    expect(store.get()).toBe('server');
    await save(() => Promise.resolve('saved'));
    expect(store.get()).toBeNull();
  });

  it('does not take data the console wrote itself for an answer from the server', async () => {
    const client = testClient();
    const store = outageStoreOf(client);
    await client.fetchQuery({ queryKey: ['identifiers'], queryFn: failWith(serverUnreachable) }).catch(() => {});
    client.setQueryData(['identifiers'], []);
    expect(store.get()).toBe('server');
  });

  it('waits for a query’s retries: a failure a retry hides shows nothing', async () => {
    const client = testClient();
    const store = outageStoreOf(client);
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(serverUnreachable) : Promise.resolve('ok'));
    const seen: (Outage | null)[] = [];
    store.subscribe(() => seen.push(store.get()));
    await client.fetchQuery({ queryKey: ['space'], queryFn: flaky, retry: 1, retryDelay: 0 });
    expect(seen).toEqual([]);
    expect(store.get()).toBeNull();
  });

  it('is one store per client', () => {
    const client = testClient();
    expect(outageStoreOf(client)).toBe(outageStoreOf(client));
    expect(outageStoreOf(testClient())).not.toBe(outageStoreOf(client));
  });
});
