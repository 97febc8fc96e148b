import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';

// A router of our own: the console has a handful of paths, and react-router's current major
// needs Node 22 (ours is 20). History API + one event is all it takes.
const NAVIGATE_EVENT = 'idr:navigate';

/**
 * Decides whether a Back/Forward step from one path to another may happen. Refusing may be for
 * now only: `proceed` takes the same step again later, past the guard (after the admin agreed).
 */
type NavigationGuard = (from: string, to: string, proceed: () => void) => boolean;

let guard: NavigationGuard | null = null;
// Open dialogs, innermost last. A Back/Forward step while one is open closes that one instead of
// moving: the page behind a dialog stays where it was (a dialog left open over another tab, whose
// fields it is not about, is worse than either).
const dialogsClosedByBackForward: (() => void)[] = [];
// The address shown before the last step, to restore when a guard refuses a Back/Forward one.
let current = typeof window === 'undefined' ? '/' : addressOf(window.location);
// Each entry the console makes holds its position in the tab's history, so that a refused step
// can be undone by moving back the same distance, and taken again later, without adding entries.
let currentIndex = 0;
// A step the console itself takes with `history.go`: undoing a refused one is hidden from the rest
// of the console; redoing an agreed one passes the guard.
let ownStep: 'undo' | 'redo' | null = null;
// A refused step the admin agreed to before its undo was over: taken once the undo is.
let redoAfterUndo: (() => void) | null = null;

function addressOf(location: Location): string {
  return location.pathname + location.search + location.hash;
}

function indexOf(state: unknown): number | null {
  const index = (state as { idx?: unknown } | null)?.idx;
  return typeof index === 'number' ? index : null;
}

/**
 * Lets the app refuse a Back/Forward step (one that would drop unsaved edits, say). The browser
 * has already moved when it says so: a refused step is undone and hidden from the rest of the
 * console. Links and `navigate` ask their own questions before they move.
 */
export function setNavigationGuard(next: NavigationGuard | null): void {
  guard = next;
}

if (typeof window !== 'undefined') {
  const known = indexOf(window.history.state);
  if (known === null) window.history.replaceState({ idx: 0 }, '', current);
  else currentIndex = known;
  // Registered when this module loads, before any component subscribes: it runs first and can
  // stop the others from seeing a refused step.
  window.addEventListener('popstate', (event) => {
    const step = ownStep;
    ownStep = null;
    if (step === 'undo') {
      event.stopImmediatePropagation();
      const redo = redoAfterUndo;
      redoAfterUndo = null;
      redo?.();
      return;
    }
    const to = addressOf(window.location);
    const toIndex = indexOf(event.state);
    const distance = toIndex === null ? null : toIndex - currentIndex;
    if (step !== 'redo') {
      const closeDialog = dialogsClosedByBackForward.at(-1);
      if (closeDialog || (guard && !guard(current, to, () => redoStep(distance, to)))) {
        event.stopImmediatePropagation();
        undoStep(distance);
        closeDialog?.();
        return;
      }
    }
    current = to;
    currentIndex = toIndex ?? currentIndex;
  });
}

/**
 * Takes back a Back/Forward step the browser has taken, by moving back the same distance; an entry
 * the console did not number (a fragment link's) gets the previous address back as a new entry.
 */
function undoStep(distance: number | null): void {
  if (distance === null || distance === 0) {
    window.history.pushState({ idx: ++currentIndex }, '', current);
    return;
  }
  ownStep = 'undo';
  window.history.go(-distance);
}

/** Takes a refused step again, past the guard (the admin agreed to it). */
function redoStep(distance: number | null, to: string): void {
  // `history.go` is asynchronous: moving again before the undo lands would lose one of the two.
  if (ownStep === 'undo') {
    redoAfterUndo = () => redoStep(distance, to);
    return;
  }
  if (distance === null || distance === 0) {
    navigate(to);
    return;
  }
  ownStep = 'redo';
  window.history.go(distance);
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
  if (options.replace) window.history.replaceState({ idx: currentIndex }, '', path);
  else window.history.pushState({ idx: ++currentIndex }, '', path);
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
