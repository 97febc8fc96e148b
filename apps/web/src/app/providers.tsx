import { QueryClientProvider } from '@tanstack/react-query';
import { Theme } from '@twilio-paste/theme';
import { type ReactNode, useState } from 'react';
import { ToastProvider } from '../components/toast.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { selfHostedFontsPlugin } from '../lib/self-hosted-fonts.ts';
import type { ThemeName } from './theme-preference.ts';

// Without stylisPlugins emotion would add vendor prefixes; the browsers we support need none.
const EMOTION_CACHE = { key: 'idr', stylisPlugins: [selfHostedFontsPlugin] };

export function Providers({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <Theme.Provider theme={theme} cacheProviderProps={EMOTION_CACHE}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </QueryClientProvider>
    </Theme.Provider>
  );
}
