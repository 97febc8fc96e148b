import { useEffect } from 'react';

// Forms that hold unsaved changes right now, for in-console navigation that would unmount them
// (switching space); the browser's own prompt covers leaving the page.
const formsWithUnsavedChanges = new Set<symbol>();

/** Whether any mounted form holds unsaved changes (see `useBeforeUnload`). */
export function hasUnsavedChanges(): boolean {
  return formsWithUnsavedChanges.size > 0;
}

/** Whether the console may open another space: yes without unsaved edits, else the admin says. */
export function mayLeaveForSpace(spaceId: string): boolean {
  return !hasUnsavedChanges() || window.confirm(`Discard your unsaved changes and switch to the space ${spaceId}?`);
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
