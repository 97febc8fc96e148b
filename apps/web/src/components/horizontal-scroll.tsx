import { Box } from '@twilio-paste/box';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

interface HorizontalScrollProps {
  /** Names the scrolling region for assistive technology, e.g. "Identifiers table". */
  label: string;
  children: ReactNode;
}

/**
 * Lets a wide table scroll sideways inside its own box instead of widening the whole page (on a
 * phone, a table of identifiers is wider than the screen). While the content does overflow, the
 * box is a labelled, focusable region, so that keyboard users can scroll it with the arrow keys.
 */
export function HorizontalScroll({ label, children }: HorizontalScrollProps) {
  const box = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowsHorizontally(box);
  const focusableRegion = overflowing ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {};
  return (
    <Box ref={box} overflowX="auto" _focusVisible={{ boxShadow: 'shadowFocus', outline: 'none' }} {...focusableRegion}>
      {children}
    </Box>
  );
}

/** Whether an element's content is wider than the element, kept up to date as either changes. */
function useOverflowsHorizontally(ref: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth);
    const resizes = new ResizeObserver(measure);
    // A table grows inside a box of unchanged size (rows arrive, a name gets longer): watch the
    // tables too, including ones rendered later (a skeleton replaced by the data).
    const observeTables = () => {
      resizes.observe(element);
      for (const table of element.querySelectorAll('table')) resizes.observe(table);
    };
    const mutations = new MutationObserver(() => {
      observeTables();
      measure();
    });
    observeTables();
    mutations.observe(element, { childList: true, subtree: true });
    return () => {
      resizes.disconnect();
      mutations.disconnect();
    };
  }, [ref]);
  return overflowing;
}
