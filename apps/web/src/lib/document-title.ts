import { useEffect } from 'react';

/** The product's name, the last part of every page title. */
export const PRODUCT_NAME = 'Identity Resolution Console';

/** A page title: what the page shows first, the product last, as browsers' tabs and history cut the end. */
export function documentTitle(...parts: string[]): string {
  return [...parts, PRODUCT_NAME].join(' — ');
}

/**
 * Names the page in the browser's title (WCAG 2.4.2): screen readers announce it on each page,
 * and tabs, bookmarks and history tell pages apart by it.
 */
export function useDocumentTitle(...parts: string[]): void {
  const title = documentTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
