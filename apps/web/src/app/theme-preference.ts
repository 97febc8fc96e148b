import { useCallback, useState } from 'react';

export type ThemeName = 'default' | 'dark';
const STORAGE_KEY = 'idr.theme';

function initialTheme(): ThemeName {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'default' || stored === 'dark') return stored;
  } catch {
    // Storage may be disabled; fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/** Light or dark Paste theme: the user's last choice, else the system preference. */
export function useThemePreference(): [ThemeName, () => void] {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const toggle = useCallback(() => {
    setTheme((current) => {
      const next = current === 'dark' ? 'default' : 'dark';
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not persisted; the choice still applies to this tab.
      }
      return next;
    });
  }, []);
  return [theme, toggle];
}
