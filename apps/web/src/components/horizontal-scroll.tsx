import { Box } from '@twilio-paste/box';
import { useTheme } from '@twilio-paste/theme';
import { type CSSProperties, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

interface HorizontalScrollProps {
  /** Names the scrolling region for assistive technology, e.g. "Identifiers table". */
  label: string;
  children: ReactNode;
}

/**
 * Lets a wide table scroll sideways inside its own box instead of widening the whole page (on a
 * phone, a table of identifiers is wider than the screen). While the content does overflow, the
 * box is a labelled, focusable region, so that keyboard users can scroll it with the arrow keys,
 * and a shadow on the side that has more (the actions column, off screen on a phone) says that it
 * scrolls.
 */
export function HorizontalScroll({ label, children }: HorizontalScrollProps) {
  const box = useRef<HTMLDivElement>(null);
  const more = useHiddenSides(box);
  // A shade the theme gives, so that the shadow shows on a dark page too.
  const shade = useTheme().backgroundColors.colorBackgroundStrong;
  const overflowing = more.left || more.right;
  const focusableRegion = overflowing ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {};
  return (
    <Box position="relative">
      <Box
        ref={box}
        overflowX="auto"
        _focusVisible={{ boxShadow: 'shadowFocus', outline: 'none' }}
        {...focusableRegion}
      >
        {children}
      </Box>
      {more.left ? <div aria-hidden="true" data-scroll-shadow="left" style={edgeShadow('left', shade)} /> : null}
      {more.right ? <div aria-hidden="true" data-scroll-shadow="right" style={edgeShadow('right', shade)} /> : null}
    </Box>
  );
}

/** A soft shadow along one inner edge, over the content that scrolls under it (clicks go through). */
function edgeShadow(side: 'left' | 'right', shade: string): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    bottom: 0,
    [side]: 0,
    width: '1.5rem',
    pointerEvents: 'none',
    background: `linear-gradient(to ${side === 'left' ? 'right' : 'left'}, ${shade}, transparent)`,
  };
}

/**
 * Whether an element's content reaches past its left and right edges (scrolled off, or wider than
 * it), kept up to date as either changes size and as it scrolls.
 */
function useHiddenSides(ref: RefObject<HTMLElement | null>): { left: boolean; right: boolean } {
  const [sides, setSides] = useState({ left: false, right: false });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const left = element.scrollLeft > 0;
      // A pixel of slack: zoomed layouts report fractional widths.
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setSides((current) => (current.left === left && current.right === right ? current : { left, right }));
    };
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
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      resizes.disconnect();
      mutations.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [ref]);
  return sides;
}
