import { useEffect } from 'react';

/**
 * Paste's AlertDialog gives its overlay no onDismiss, so Escape does nothing; an alert dialog
 * should close on Escape like any dialog. Listens while mounted, before anything else sees the key.
 */
export function useEscapeDismisses(dismiss: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') dismiss();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [dismiss]);
}
