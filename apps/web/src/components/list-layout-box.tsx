import { Box } from '@twilio-paste/box';
import { type ReactNode, useRef } from 'react';
import { useNarrowViewport } from './use-narrow-viewport.ts';
import { useNarrowerThan } from './use-narrower-than.ts';

/** The root font size in CSS pixels (16 unless the admin's browser asks for larger text). */
function remInPixels(): number {
  if (typeof document === 'undefined') return 16;
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * Lays out what it holds as a list or as a table: a list on a phone, and wherever the space given
 * is narrower than the table at its narrowest (its columns squeezed to their minimum), as beside
 * the open sidebar in an 800–1200 px window. There the table would scroll sideways and hide its
 * last columns, the row's actions among them; the list keeps every row's actions in view.
 *
 * `tableMinWidthRem` is in rem, as the table's column widths are, so that larger text (a larger
 * default font size in the browser) switches to the list sooner, as the table grows with it. The
 * box measured spans the space given and is the same in every state of what it holds (loading,
 * empty, loaded), so the measure never depends on the table's own width.
 */
export function ListLayoutBox({
  tableMinWidthRem,
  children,
}: {
  tableMinWidthRem: number;
  children: (listLayout: boolean) => ReactNode;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const narrowViewport = useNarrowViewport();
  const narrowContainer = useNarrowerThan(containerRef, tableMinWidthRem * remInPixels());
  return <Box ref={containerRef}>{children(narrowViewport || narrowContainer)}</Box>;
}
