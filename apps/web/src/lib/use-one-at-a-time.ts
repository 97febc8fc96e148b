import { useRef } from 'react';

/**
 * Wraps an async action so that calling it again while it runs does nothing. A double click
 * fires twice before the button's busy state has rendered; without this, a confirmation sent its
 * write twice (the second answered 412 behind the admin's back).
 */
export function useOneAtATime<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  const running = useRef(false);
  return async (...args: A) => {
    if (running.current) return;
    running.current = true;
    try {
      await action(...args);
    } finally {
      running.current = false;
    }
  };
}
