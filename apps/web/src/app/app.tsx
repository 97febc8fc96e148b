import { Box } from '@twilio-paste/box';
import { Spinner } from '@twilio-paste/spinner';
import { lazy, Suspense, useEffect } from 'react';
import { navigate, usePathname } from '../lib/router.ts';
import { Layout, MANAGE_PATH } from './layout.tsx';
import { manageTabForPath } from './manage-tabs.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { Providers } from './providers.tsx';
import { useThemePreference } from './theme-preference.ts';

// The space created on first start (DEFAULT_SPACE_ID of @idr/contracts). Not imported from there:
// the contracts module pulls in zod, which the shell does not need before the page loads.
const SPACE_ID = 'default';

const ManagePage = lazy(() => import('./manage-page.tsx').then((module) => ({ default: module.ManagePage })));

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

function Routes({ pathname, spaceId }: { pathname: string; spaceId: string }) {
  const redirect = REDIRECTS[pathname.replace(/\/+$/, '') || '/'];
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (redirect) return <PageLoading />;
  const manageTab = manageTabForPath(pathname);
  if (manageTab) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ManagePage spaceId={spaceId} tabId={manageTab.id} />
      </Suspense>
    );
  }
  return <NotFoundPage pathname={pathname} />;
}

export function App() {
  const pathname = usePathname();
  const [theme, toggleTheme] = useThemePreference();
  const spaceId = SPACE_ID;
  return (
    <Providers theme={theme}>
      <Layout pathname={pathname} spaceId={spaceId} theme={theme} onToggleTheme={toggleTheme}>
        <Routes pathname={pathname} spaceId={spaceId} />
      </Layout>
    </Providers>
  );
}
