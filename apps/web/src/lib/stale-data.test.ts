import type { QueryState } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './errors.ts';
import { staleQueryState } from './stale-data.ts';

function state(overrides: Partial<QueryState>): QueryState {
  return {
    data: undefined,
    dataUpdateCount: 0,
    dataUpdatedAt: 0,
    error: null,
    errorUpdateCount: 0,
    errorUpdatedAt: 0,
    fetchFailureCount: 0,
    fetchFailureReason: null,
    fetchMeta: null,
    isInvalidated: false,
    status: 'pending',
    fetchStatus: 'idle',
    ...overrides,
  };
}

const internalError = new ApiError({ status: 500, code: 'internal_error', title: 'Server error', detail: '' });
const unreachable = new NetworkError('Could not reach the server.');

describe('staleQueryState', () => {
  it('finds a refresh that failed on data already shown', () => {
    const failed = state({ status: 'error', data: ['email'], error: internalError });
    expect(staleQueryState([state({ status: 'success', data: [] }), failed])).toBe(failed);
  });

  it('leaves out a first load that failed: its section shows the error, having nothing else to show', () => {
    expect(staleQueryState([state({ status: 'error', error: internalError })])).toBeUndefined();
  });

  it('keeps a refresh that is being tried again after another failure (its notice shows Refresh now busy)', () => {
    const retrying = state({ status: 'error', data: [], error: internalError, fetchStatus: 'fetching' });
    expect(staleQueryState([retrying])).toBe(retrying);
  });

  it('leaves out a refresh that failed with an outage while it is tried again, until it fails again', () => {
    const retrying = state({ status: 'error', data: [], error: unreachable, fetchStatus: 'fetching' });
    expect(staleQueryState([retrying])).toBeUndefined();
    const failedAgain = { ...retrying, fetchStatus: 'idle' as const };
    expect(staleQueryState([failedAgain])).toBe(failedAgain);
  });
});
