import { type RefObject, useEffect } from 'react';

/** Room between a revealed element and the sticky top bar above it. */
const GAP_BELOW_TOP_BAR_PX = 16;

/** Scrolls an element to the top of the view, clear of the sticky top bar (the page's banner). */
function scrollToTop(element: HTMLElement) {
  const topBar = document.querySelector<HTMLElement>('[role="banner"]');
  element.style.scrollMarginTop = `${(topBar?.offsetHeight ?? 0) + GAP_BELOW_TOP_BAR_PX}px`;
  element.scrollIntoView({ block: 'start' });
}

/**
 * Each time `shown` changes to something, brings the element into view: results appear below the
 * form, often below the fold. With `focus` (for a result heading with tabIndex -1) keyboard and
 * screen-reader users are moved to it too; without it (an error the user may retry at once) focus
 * stays on the button that asked, and the element is only scrolled as far as needed.
 */
export function useReveal(ref: RefObject<HTMLElement | null>, shown: unknown, { focus }: { focus: boolean }) {
  useEffect(() => {
    const element = ref.current;
    if (!element || !shown) return;
    if (focus) {
      element.focus({ preventScroll: true });
      scrollToTop(element);
    } else {
      element.scrollIntoView({ block: 'nearest' });
    }
  }, [ref, shown, focus]);
}
