import { type RefObject, useRef } from 'react';
import { useNarrowViewport } from './use-narrow-viewport.ts';
import { useNarrowerThan } from './use-narrower-than.ts';

/** The root font size in CSS pixels (16 unless the admin's browser asks for larger text). */
function remInPixels(): number {
  if (typeof document === 'undefined') return 16;
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * Whether a table shows as a list instead: on a phone, and wherever the space it is given is
 * narrower than the table at its narrowest (its columns squeezed to their minimum), as beside the
 * open sidebar in an 800–1200 px window. There the table would scroll sideways and hide its last
 * columns, the row's actions among them; the list keeps every row's actions in view.
 *
 * `tableMinWidthRem` is in rem, as the table's column widths are, so that larger text (a larger
 * default font size in the browser) switches to the list sooner, as the table grows with it.
 * Put the returned ref on an element that spans the space given (a block box, rendered in every
 * state of the component), never on the table itself, whose width follows its content.
 */
export function useListLayout<E extends HTMLElement = HTMLDivElement>(
  tableMinWidthRem: number,
): { listLayout: boolean; containerRef: RefObject<E | null> } {
  const containerRef = useRef<E>(null);
  const narrowViewport = useNarrowViewport();
  const narrowContainer = useNarrowerThan(containerRef, tableMinWidthRem * remInPixels());
  return { listLayout: narrowViewport || narrowContainer, containerRef };
}
