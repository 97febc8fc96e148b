import { createContext, useContext, useEffect } from 'react';
import { sharedValue } from './shared-value.ts';

// Forms that hold unsaved changes right now, each with the place (tab) it is on, if any: for
// in-console navigation that would unmount them (switching space), and for the tabs to show which
// of them hold edits. The browser's own prompt covers leaving the page.
const formsWithUnsavedChanges = new Map<symbol, { place: string | null; saving: boolean }>();
const placesWithUnsavedChanges = sharedValue<ReadonlySet<string>>(new Set());
// Switches to another space waiting for the saves under way to end (see `leaveForSpace`).
let waitingForSaves: (() => void)[] = [];

function savesUnderWay(): boolean {
  for (const form of formsWithUnsavedChanges.values()) if (form.saving) return true;
  return false;
}

function unsavedFormsChanged(): void {
  placesWithUnsavedChanges.set(
    new Set(
      [...formsWithUnsavedChanges.values()]
        .map((form) => form.place)
        .filter((place): place is string => place !== null),
    ),
  );
  if (waitingForSaves.length === 0) return;
  // After the effects of this commit have all run: a form whose save failed registers again (as
  // unsaved, no longer saving) right after its old entry is removed, and must be seen as unsaved.
  queueMicrotask(() => {
    if (savesUnderWay()) return;
    const waiting = waitingForSaves;
    waitingForSaves = [];
    for (const resume of waiting) resume();
  });
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
  // Edits on their way to the server are not lost by leaving: wait for the answer, then ask only
  // if they are still unsaved (the save failed). Asking at once would say they are discarded.
  if (savesUnderWay()) waitingForSaves.push(() => leaveForSpace(spaceId, leave));
  else if (hasUnsavedChanges()) pendingLeave.set({ spaceId, leave });
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
 * `hasUnsavedChanges()` true for navigation inside the console. `saving`: the changes are on their
 * way to the server, so a switch to another space waits for the answer before it asks.
 */
export function useBeforeUnload(when: boolean, saving = false): void {
  const place = useContext(UnsavedChangesPlace);
  useEffect(() => {
    if (!when) return;
    const form = Symbol('unsaved form');
    formsWithUnsavedChanges.set(form, { place, saving });
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
  }, [when, place, saving]);
}
