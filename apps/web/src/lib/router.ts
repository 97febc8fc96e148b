import { useSyncExternalStore } from 'react';

// A router of our own: the console has a handful of paths, and react-router's current major
// needs Node 22 (ours is 20). History API + one event is all it takes.
const NAVIGATE_EVENT = 'idr:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

/** The current path, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, () => '/');
}

/** Goes to a path inside the console without reloading. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Click handler for in-app links: plain left clicks navigate in place, others keep browser behaviour. */
export function handleLinkClick(event: React.MouseEvent<HTMLAnchorElement>, path: string): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  navigate(path);
}
