import { useSyncExternalStore } from 'react';

/**
 * Below this width (tablets in portrait, phones) the console's chrome changes: the sidebar becomes
 * a drawer opened from the top bar, and toasts no longer stack. Paste's own "mobile" breakpoint
 * (400px) is too narrow for a 240px sidebar that pushes the page aside.
 */
const NARROW_VIEWPORT_QUERY = '(max-width: 767.98px)';

function narrowQuery(): MediaQueryList | null {
  return typeof window === 'undefined' || !window.matchMedia ? null : window.matchMedia(NARROW_VIEWPORT_QUERY);
}

function subscribe(onChange: () => void): () => void {
  const query = narrowQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the viewport is narrower than 768px; re-renders when that changes. */
export function useNarrowViewport(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => narrowQuery()?.matches ?? false,
    () => false,
  );
}
