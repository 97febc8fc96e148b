import { useEffect, useRef, useState } from 'react';

export interface SidebarControls {
  collapsed: boolean;
  toggle: () => void;
  close: () => void;
  /** Opens the sidebar and moves focus into its navigation (on the current page's link). */
  openAndFocus: () => void;
}

interface Choice {
  narrow: boolean;
  collapsed: boolean;
}

const STORAGE_KEY = 'idr.sidebar';
const RAIL = 'rail';

/** Whether the admin last collapsed the wide sidebar to its rail of icons (stored by `rememberRail`). */
function railRemembered(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === RAIL;
  } catch {
    // Storage may be disabled: the sidebar opens, as by default.
    return false;
  }
}

/** Keeps the rail; an open sidebar is the default, so choosing it again forgets the choice. */
function rememberRail(rail: boolean): void {
  try {
    if (rail) window.localStorage.setItem(STORAGE_KEY, RAIL);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not persisted; the choice still applies to this tab.
  }
}

/**
 * Whether the sidebar is collapsed. On wide viewports it is open by default, and the admin's
 * choice of the rail is remembered across reloads (as the theme is): an admin who wants the room
 * for the page wants it every time. On narrow ones it is a drawer, closed on every load, where it
 * would cover the page. A choice made at one width does not carry over to the other, so rotating a
 * tablet or resizing the window never leaves a drawer open over the page, and opening the drawer on
 * a phone does not undo the rail chosen on the desktop.
 */
export function useSidebarState(narrow: boolean, navigationId: string): SidebarControls {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [rail, setRail] = useState(railRemembered);
  const collapsed = choice?.narrow === narrow ? choice.collapsed : narrow || rail;
  const focusNavigationOnOpen = useRef(false);

  useEffect(() => {
    if (collapsed || !focusNavigationOnOpen.current) return;
    focusNavigationOnOpen.current = false;
    const navigation = document.getElementById(navigationId);
    const target =
      navigation?.querySelector<HTMLElement>('[aria-current="page"]') ??
      navigation?.querySelector<HTMLElement>('a[href]');
    target?.focus();
  }, [collapsed, navigationId]);

  function choose(next: boolean): void {
    setChoice({ narrow, collapsed: next });
    if (narrow) return;
    setRail(next);
    rememberRail(next);
  }

  return {
    collapsed,
    toggle: () => choose(!collapsed),
    close: () => choose(true),
    openAndFocus: () => {
      focusNavigationOnOpen.current = true;
      choose(false);
    },
  };
}
