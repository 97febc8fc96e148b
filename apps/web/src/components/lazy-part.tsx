import { type ComponentType, type LazyExoticComponent, type ReactNode, Suspense } from 'react';
import type { RetryableLazy } from '../lib/retryable-lazy.ts';
import { LoadFailureBoundary } from './load-failure-boundary.tsx';

interface LazyPartProps<P> {
  /** The part's code, loaded on demand. */
  part: RetryableLazy<P>;
  /** What the part is, for the error's heading ("The lookup preview could not be shown"). */
  what: string;
  headingAs?: 'h1' | 'h2' | 'h3';
  /** Shown while the code downloads. */
  loading: ReactNode;
  /** Shown instead of the error callout where one would not fit (the top bar). */
  failed?: ReactNode;
  /** Renders the loaded component with its props. */
  render: (Component: LazyExoticComponent<ComponentType<P>>) => ReactNode;
}

/**
 * A part of the page whose code is loaded on demand: a spinner (or `loading`) while it downloads,
 * and, if the download fails, an error with Try again, which downloads it again, in its place
 * only (LoadFailureBoundary).
 */
export function LazyPart<P>({ part, what, headingAs, loading, failed, render }: LazyPartProps<P>) {
  return (
    <LoadFailureBoundary what={what} headingAs={headingAs} onRetry={part.retry} fallback={failed}>
      {/* Read at each render: after a retry, the component that loads anew, not the one that failed. */}
      {() => <Suspense fallback={loading}>{render(part.current())}</Suspense>}
    </LoadFailureBoundary>
  );
}
