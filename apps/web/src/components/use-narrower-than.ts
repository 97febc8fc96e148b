import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Whether the element is narrower than `width` CSS pixels, following its size. For an element whose
 * width does not depend on its content (the top bar spans what the sidebar leaves), so that what is
 * rendered in answer cannot flip the answer back.
 */
export function useNarrowerThan(ref: RefObject<HTMLElement | null>, width: number): boolean {
  const [narrower, setNarrower] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setNarrower(element.getBoundingClientRect().width < width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, width]);
  return narrower;
}
