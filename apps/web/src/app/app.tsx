import { DEFAULT_SPACE_ID } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Spinner } from '@twilio-paste/spinner';
import { lazy, Suspense, useEffect } from 'react';
import { navigate, usePathname } from '../lib/router.ts';
import { Layout, MANAGE_PATH } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { Providers } from './providers.tsx';
import { useThemePreference } from './theme-preference.ts';

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
  if (pathname === MANAGE_PATH) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ManagePage spaceId={spaceId} />
      </Suspense>
    );
  }
  return <NotFoundPage pathname={pathname} />;
}

export function App() {
  const pathname = usePathname();
  const [theme, toggleTheme] = useThemePreference();
  const spaceId = DEFAULT_SPACE_ID;
  return (
    <Providers theme={theme}>
      <Layout pathname={pathname} spaceId={spaceId} theme={theme} onToggleTheme={toggleTheme}>
        <Routes pathname={pathname} spaceId={spaceId} />
      </Layout>
    </Providers>
  );
}
