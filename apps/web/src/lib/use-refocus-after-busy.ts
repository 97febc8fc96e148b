import { type RefObject, useEffect, useRef } from 'react';

/**
 * A button disabled while its work runs (Paste's `loading`) drops its focus to the page: this gives
 * it back once the work is done, unless the admin has moved on or a dialog has taken the focus.
 */
export function useRefocusAfterBusy(busy: boolean, buttonRef: RefObject<HTMLElement | null>): void {
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy && document.activeElement === document.body) buttonRef.current?.focus();
    wasBusy.current = busy;
  }, [busy, buttonRef]);
}
