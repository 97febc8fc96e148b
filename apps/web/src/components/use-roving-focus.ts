import { type KeyboardEvent, useRef, useState } from 'react';

/**
 * One tab stop for a row of buttons (the ARIA toolbar pattern): Tab enters the row at the button
 * last used and leaves it at once; the arrow keys, Home and End move between the buttons. A row of
 * eight suggestions then costs a keyboard user one Tab, not eight, on the way to the next field.
 */
export function useRovingFocus(count: number) {
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  // The row may shrink (a suggestion used): the tab stop stays on a button that exists.
  const current = Math.min(active, Math.max(count - 1, 0));

  function move(to: number): void {
    const index = (to + count) % count;
    setActive(index);
    items.current[index]?.focus();
  }

  return {
    onKeyDown(event: KeyboardEvent<HTMLElement>): void {
      const next: Record<string, number> = {
        ArrowRight: current + 1,
        ArrowDown: current + 1,
        ArrowLeft: current - 1,
        ArrowUp: current - 1,
        Home: 0,
        End: count - 1,
      };
      const to = next[event.key];
      if (to === undefined || count === 0) return;
      event.preventDefault();
      move(to);
    },
    itemProps(index: number) {
      return {
        tabIndex: (index === current ? 0 : -1) as 0 | -1,
        ref: (element: HTMLButtonElement | null) => {
          items.current[index] = element;
        },
        onFocus: () => setActive(index),
      };
    },
  };
}
