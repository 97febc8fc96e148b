import { Box } from '@twilio-paste/box';
import { Spinner } from '@twilio-paste/spinner';
import { useEffect } from 'react';
import { LazyPart } from '../components/lazy-part.tsx';
import { DiscardEditsDialog } from '../features/spaces/discard-edits-dialog.tsx';
import { retryableLazy } from '../lib/retryable-lazy.ts';
import { navigate, setNavigationGuard, usePathname } from '../lib/router.ts';
import { parseSpacePath, spacePath } from '../lib/space-path.ts';
import { hasUnsavedChanges, leaveForSpace } from '../lib/use-before-unload.ts';
import { Layout, MANAGE_PATH } from './layout.tsx';
import { manageTabForPath, manageTabLabel } from './manage-tabs.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { Providers } from './providers.tsx';
import { useThemePreference } from './theme-preference.ts';

const managePage = retryableLazy(() => import('./manage-page.tsx').then((module) => module.ManagePage));

const REDIRECTS: Record<string, string> = {
  '/': MANAGE_PATH,
  '/unified-profiles': MANAGE_PATH,
  '/unified-profiles/manage': MANAGE_PATH,
};

function PageLoading() {
  return (
    <Box display="flex" alignItems="center" justifyContent="center" minHeight="size40">
      <Spinner decorative={false} title="Loading page" size="sizeIcon70" />
    </Box>
  );
}

/** Where a path that names no page of its own goes, or `null`. */
function redirectFor(pathname: string, path: string, spaceId: string): string | null {
  const target = REDIRECTS[path.replace(/\/+$/, '') || '/'];
  if (target) return spacePath(spaceId, target);
  // `/spaces/default/…` is a page of the default space under its long name: go to its short one.
  const canonical = spacePath(spaceId, path);
  return canonical === pathname ? null : canonical;
}

/** `path` is the page path inside the console, without the space prefix (see lib/space-path.ts). */
function Routes({ pathname, path, spaceId }: { pathname: string; path: string; spaceId: string }) {
  const redirect = redirectFor(pathname, path, spaceId);
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (redirect) return <PageLoading />;
  const manageTab = manageTabForPath(path);
  if (manageTab) {
    return (
      <LazyPart
        part={managePage}
        what="This page"
        headingAs="h1"
        loading={<PageLoading />}
        // A page per space: nothing typed for one space's settings stays on screen for another's.
        render={(ManagePage) => <ManagePage key={spaceId} spaceId={spaceId} tabId={manageTab.id} />}
      />
    );
  }
  return <NotFoundPage pathname={pathname} spaceId={spaceId} />;
}

/** Back and Forward into another space ask first when edits would be lost (each space is its own page). */
function useSpaceLeaveGuard() {
  useEffect(() => {
    setNavigationGuard((from, to, proceed) => {
      const next = parseSpacePath(new URL(to, window.location.origin).pathname).spaceId;
      const sameSpace = parseSpacePath(new URL(from, window.location.origin).pathname).spaceId === next;
      if (sameSpace || !hasUnsavedChanges()) return true;
      // Refused for now; the console's dialog asks, and a discard takes the same step again.
      leaveForSpace(next, proceed);
      return false;
    });
    return () => setNavigationGuard(null);
  }, []);
}

export function App() {
  useSpaceLeaveGuard();
  const pathname = usePathname();
  const [theme, toggleTheme] = useThemePreference();
  const { spaceId, path } = parseSpacePath(pathname);
  return (
    <Providers theme={theme}>
      <Layout path={path} spaceId={spaceId} theme={theme} onToggleTheme={toggleTheme}>
        <Routes pathname={pathname} path={path} spaceId={spaceId} />
      </Layout>
      <DiscardEditsDialog placeLabel={manageTabLabel} />
    </Providers>
  );
}
