import { type RefObject, useEffect, useRef, useState } from 'react';
import type { SidebarControls } from './use-sidebar-state.ts';

interface DrawerElements {
  /** The top bar's menu button, which opens the drawer and gets the focus back when it closes. */
  menuButton: RefObject<HTMLElement | null>;
  /** The page, focused when the drawer closes because a page was chosen in it. */
  main: RefObject<HTMLElement | null>;
  /** The id of the navigation, which "Skip to navigation" names. */
  navigationId: string;
}

/**
 * The sidebar as a drawer on a narrow viewport. Open, it covers the page, so it acts as a modal:
 * the page and the skip links behind it are inert (the caller sets `inert` on the page while
 * `drawerOpen`), Escape closes it wherever the focus is, and closing it puts the focus back on the
 * menu button, or on the page just chosen. "Skip to navigation", which could not reach a closed
 * drawer, opens it.
 */
export function useNavigationDrawer(narrow: boolean, sidebar: SidebarControls, elements: DrawerElements) {
  const { menuButton, main, navigationId } = elements;
  const drawerOpen = narrow && !sidebar.collapsed;

  // Where the focus goes once the drawer has closed: the page stops being inert only after that render.
  const [focusAfterClose, setFocusAfterClose] = useState<'menu' | 'main' | null>(null);
  useEffect(() => {
    if (focusAfterClose === null || drawerOpen) return;
    setFocusAfterClose(null);
    if (focusAfterClose === 'menu') menuButton.current?.focus();
    else main.current?.focus({ preventScroll: true });
  }, [focusAfterClose, drawerOpen, menuButton, main]);
  const closeDrawer = (focus: 'menu' | 'main') => {
    sidebar.close();
    setFocusAfterClose(focus);
  };

  const latest = useRef({ closeDrawer, openDrawer: sidebar.openAndFocus });
  latest.current = { closeDrawer, openDrawer: sidebar.openAndFocus };
  useEffect(() => {
    if (!narrow) return;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest(`a[href="#${navigationId}"]`) : null;
      if (link === null) return;
      event.preventDefault();
      latest.current.openDrawer();
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [narrow, navigationId]);

  useEffect(() => {
    // Paste renders the skip links itself, beside the sidebar: the attribute goes on its element.
    document.querySelector('[data-paste-element="SIDEBAR_SKIPLINKS"]')?.toggleAttribute('inert', drawerOpen);
    if (!drawerOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current.closeDrawer('menu');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [drawerOpen]);

  return { drawerOpen, closeDrawer };
}
