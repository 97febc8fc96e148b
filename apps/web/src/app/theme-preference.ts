import { useCallback, useEffect, useState } from 'react';

export type ThemeName = 'default' | 'dark';
const STORAGE_KEY = 'idr.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): ThemeName {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'default';
}

function storedTheme(): ThemeName | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'default' || stored === 'dark') return stored;
  } catch {
    // Storage may be disabled; the system preference applies.
  }
  return null;
}

/** Keeps a choice that differs from the system's; a choice equal to it means "follow the system" again. */
function remember(theme: ThemeName): void {
  try {
    if (theme === systemTheme()) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not persisted; the choice still applies to this tab.
  }
}

/**
 * Light or dark Paste theme: the user's choice when it differs from the system preference, else
 * the system preference, followed as it changes. Toggling back to the system's theme forgets the
 * choice, so one toggle button is enough to return to following the system.
 */
export function useThemePreference(): [ThemeName, () => void] {
  const [theme, setTheme] = useState<ThemeName>(() => storedTheme() ?? systemTheme());
  useEffect(() => {
    const query = window.matchMedia?.(DARK_QUERY);
    if (!query) return;
    const follow = () => {
      if (storedTheme() === null) setTheme(systemTheme());
    };
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const toggle = useCallback(() => {
    setTheme((current) => {
      const next = current === 'dark' ? 'default' : 'dark';
      remember(next);
      return next;
    });
  }, []);
  return [theme, toggle];
}
