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

/**
 * Whether the sidebar is collapsed: open by default on wide viewports, closed on narrow ones,
 * where it would cover the page. A choice made at one width does not carry over to the other, so
 * rotating a tablet or resizing the window never leaves a drawer open over the page.
 */
export function useSidebarState(narrow: boolean, navigationId: string): SidebarControls {
  const [choice, setChoice] = useState<Choice | null>(null);
  const collapsed = choice?.narrow === narrow ? choice.collapsed : narrow;
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

  return {
    collapsed,
    toggle: () => setChoice({ narrow, collapsed: !collapsed }),
    close: () => setChoice({ narrow, collapsed: true }),
    openAndFocus: () => {
      focusNavigationOnOpen.current = true;
      setChoice({ narrow, collapsed: false });
    },
  };
}
