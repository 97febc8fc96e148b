import type { QueryState } from '@tanstack/react-query';
import { outageOf } from './outage.ts';

/**
 * The state of the first query whose refresh failed on data already shown (the page keeps showing
 * that data, now perhaps out of date), or `undefined`.
 *
 * A query that failed with an outage and is being tried again is left out: when the outage ends
 * (one request answered), the others that failed with it are still on their way back, and counting
 * them would flash the out-of-date banner for the moment between. If one fails again, it counts.
 */
export function staleQueryState(states: readonly QueryState[]): QueryState | undefined {
  return states.find(
    (state) =>
      state.status === 'error' &&
      state.data !== undefined &&
      !(state.fetchStatus === 'fetching' && outageOf(state.error) !== null),
  );
}
