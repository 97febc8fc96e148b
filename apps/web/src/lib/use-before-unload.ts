import { createContext, useContext, useEffect } from 'react';
import { sharedValue } from './shared-value.ts';

// Forms that hold unsaved changes right now, each with the place (tab) it is on, if any: for
// in-console navigation that would unmount them (switching space), and for the tabs to show which
// of them hold edits. The browser's own prompt covers leaving the page.
const formsWithUnsavedChanges = new Map<symbol, string | null>();
const placesWithUnsavedChanges = sharedValue<ReadonlySet<string>>(new Set());

function unsavedFormsChanged(): void {
  placesWithUnsavedChanges.set(
    new Set([...formsWithUnsavedChanges.values()].filter((place): place is string => place !== null)),
  );
}

/** Names the place (a tab of the page) whose forms `useBeforeUnload` registers below it. */
export const UnsavedChangesPlace = createContext<string | null>(null);

/** Whether any mounted form holds unsaved changes (see `useBeforeUnload`). */
export function hasUnsavedChanges(): boolean {
  return formsWithUnsavedChanges.size > 0;
}

/** The places (see `UnsavedChangesPlace`) holding a form with unsaved changes; re-renders as that changes. */
export function usePlacesWithUnsavedChanges(): ReadonlySet<string> {
  return placesWithUnsavedChanges.use();
}

/** A switch to another space waiting for the admin to keep or discard unsaved edits. */
export interface PendingSpaceLeave {
  spaceId: string;
  /** Goes to the other space; called only if the admin discards the edits. */
  leave: () => void;
}

const pendingLeave = sharedValue<PendingSpaceLeave | null>(null);

/**
 * Opens another space with `leave`, at once without unsaved edits; otherwise the console's own
 * dialog (`usePendingSpaceLeave`) asks first, and `leave` runs only if the admin discards them.
 */
export function leaveForSpace(spaceId: string, leave: () => void): void {
  if (hasUnsavedChanges()) pendingLeave.set({ spaceId, leave });
  else leave();
}

/** The switch waiting for an answer (null when none), and how to answer it. */
export function usePendingSpaceLeave(): {
  pending: PendingSpaceLeave | null;
  discardAndLeave: () => void;
  keepEditing: () => void;
} {
  return {
    pending: pendingLeave.use(),
    discardAndLeave: () => {
      const leave = pendingLeave.get()?.leave;
      pendingLeave.set(null);
      leave?.();
    },
    keepEditing: () => pendingLeave.set(null),
  };
}

/**
 * While `when` is true (unsaved changes): asks the browser to confirm leaving the page, and makes
 * `hasUnsavedChanges()` true for navigation inside the console.
 */
export function useBeforeUnload(when: boolean): void {
  const place = useContext(UnsavedChangesPlace);
  useEffect(() => {
    if (!when) return;
    const form = Symbol('unsaved form');
    formsWithUnsavedChanges.set(form, place);
    unsavedFormsChanged();
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Chrome < 119 still needs returnValue set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      formsWithUnsavedChanges.delete(form);
      unsavedFormsChanged();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when, place]);
}
