import { useEffect } from 'react';

/** Asks the browser to confirm leaving the page while `when` is true (unsaved changes). */
export function useBeforeUnload(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Chrome < 119 still needs returnValue set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);
}
