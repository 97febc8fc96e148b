import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';

// A router of our own: the console has a handful of paths, and react-router's current major
// needs Node 22 (ours is 20). History API + one event is all it takes.
const NAVIGATE_EVENT = 'idr:navigate';

/** Decides whether a Back/Forward step from one path to another may happen. */
type NavigationGuard = (from: string, to: string) => boolean;

let guard: NavigationGuard | null = null;
// Open dialogs, innermost last. A Back/Forward step while one is open closes that one instead of
// moving: the page behind a dialog stays where it was (a dialog left open over another tab, whose
// fields it is not about, is worse than either).
const dialogsClosedByBackForward: (() => void)[] = [];
// The address shown before the last step, to restore when a guard refuses a Back/Forward one.
let current = typeof window === 'undefined' ? '/' : addressOf(window.location);

function addressOf(location: Location): string {
  return location.pathname + location.search + location.hash;
}

/**
 * Lets the app refuse a Back/Forward step (one that would drop unsaved edits, say). The browser
 * has already moved when it says so: a refused step puts the previous address back and is hidden
 * from the rest of the console. Links and `navigate` ask their own questions before they move.
 */
export function setNavigationGuard(next: NavigationGuard | null): void {
  guard = next;
}

if (typeof window !== 'undefined') {
  // Registered when this module loads, before any component subscribes: it runs first and can
  // stop the others from seeing a refused step.
  window.addEventListener('popstate', (event) => {
    const to = addressOf(window.location);
    const closeDialog = dialogsClosedByBackForward.at(-1);
    if (closeDialog || (guard && !guard(current, to))) {
      event.stopImmediatePropagation();
      window.history.pushState(null, '', current);
      closeDialog?.();
      return;
    }
    current = to;
  });
}

/**
 * While the calling dialog is mounted, Back and Forward ask it to close (`onClose` decides: a
 * dialog with unsaved edits asks first) and leave the address and the page behind it as they are.
 */
export function useBackForwardClosesDialog(onClose: () => void): void {
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const entry = () => close();
    dialogsClosedByBackForward.push(entry);
    return () => {
      dialogsClosedByBackForward.splice(dialogsClosedByBackForward.lastIndexOf(entry), 1);
    };
  }, []);
}

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
  current = addressOf(window.location);
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
