import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** A lazily loaded component that can be asked to load again after its code failed to download. */
export interface RetryableLazy<P> {
  /** The component to render (inside Suspense); a new one after each `retry`. */
  current(): LazyExoticComponent<ComponentType<P>>;
  /** Forgets the failed load, so that the next render downloads the code again. */
  retry(): void;
}

/**
 * `React.lazy` with a retry: a lazy component keeps the rejection of its first load for good, so a
 * chunk that failed once (server down for a moment, a redeploy) would fail forever until a reload.
 */
export function retryableLazy<P>(load: () => Promise<ComponentType<P>>): RetryableLazy<P> {
  const create = () => lazy(() => load().then((component) => ({ default: component })));
  let component = create();
  return {
    current: () => component,
    retry: () => {
      component = create();
    },
  };
}
