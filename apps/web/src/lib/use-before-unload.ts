import { useEffect, useSyncExternalStore } from 'react';

// Forms that hold unsaved changes right now, for in-console navigation that would unmount them
// (switching space); the browser's own prompt covers leaving the page.
const formsWithUnsavedChanges = new Set<symbol>();

/** Whether any mounted form holds unsaved changes (see `useBeforeUnload`). */
export function hasUnsavedChanges(): boolean {
  return formsWithUnsavedChanges.size > 0;
}

/** A switch to another space waiting for the admin to keep or discard unsaved edits. */
export interface PendingSpaceLeave {
  spaceId: string;
  /** Goes to the other space; called only if the admin discards the edits. */
  leave: () => void;
}

let pendingLeave: PendingSpaceLeave | null = null;
const pendingLeaveListeners = new Set<() => void>();

function setPendingLeave(next: PendingSpaceLeave | null): void {
  pendingLeave = next;
  for (const listener of pendingLeaveListeners) listener();
}

/**
 * Opens another space with `leave`, at once without unsaved edits; otherwise the console's own
 * dialog (`usePendingSpaceLeave`) asks first, and `leave` runs only if the admin discards them.
 */
export function leaveForSpace(spaceId: string, leave: () => void): void {
  if (hasUnsavedChanges()) setPendingLeave({ spaceId, leave });
  else leave();
}

/** The switch waiting for an answer (null when none), and how to answer it. */
export function usePendingSpaceLeave(): {
  pending: PendingSpaceLeave | null;
  discardAndLeave: () => void;
  keepEditing: () => void;
} {
  const pending = useSyncExternalStore(
    (onChange) => {
      pendingLeaveListeners.add(onChange);
      return () => pendingLeaveListeners.delete(onChange);
    },
    () => pendingLeave,
    () => null,
  );
  return {
    pending,
    discardAndLeave: () => {
      const leave = pendingLeave?.leave;
      setPendingLeave(null);
      leave?.();
    },
    keepEditing: () => setPendingLeave(null),
  };
}

/**
 * While `when` is true (unsaved changes): asks the browser to confirm leaving the page, and makes
 * `hasUnsavedChanges()` true for navigation inside the console.
 */
export function useBeforeUnload(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const form = Symbol('unsaved form');
    formsWithUnsavedChanges.add(form);
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Chrome < 119 still needs returnValue set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      formsWithUnsavedChanges.delete(form);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when]);
}
