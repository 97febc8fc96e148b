import { useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Text } from '@twilio-paste/text';
import { type RefObject, useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { describeError } from '../lib/errors.ts';
import { refocusWhenLost } from '../lib/focus-when-present.ts';
import { useToast } from './toast.tsx';

/** How often failed refreshes are tried again while the banner shows. */
const AUTO_REFRESH_SECONDS = 10;

/**
 * A background refresh that failed keeps what was loaded on screen (the sections test
 * `isLoadingError`, not `isError`): this says once, above the page, that it may be out of date and
 * why, instead of each section swapping its data for an error box.
 */
export function StaleDataBanner() {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  // The first refresh that failed on data already shown, or none.
  const failed = useSyncExternalStore(subscribe, () =>
    cache.getAll().find((query) => query.state.status === 'error' && query.state.data !== undefined),
  );
  const refetchFailed = useCallback(
    () => queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' }),
    [queryClient],
  );
  useRecoveryWhileStale(failed !== undefined, refetchFailed);
  const refreshButton = useRef<HTMLButtonElement>(null);
  const problem = failed ? describeError(failed.state.error) : null;
  return (
    <>
      {/* Always in the page, so that screen readers announce the banner when it appears (WCAG 4.1.3). */}
      <ScreenReaderOnly>
        <div role="status">{problem ? `What you see may be out of date. ${problem.title}.` : ''}</div>
      </ScreenReaderOnly>
      {failed && problem ? (
        <OutOfDateCallout
          title={problem.title}
          detail={problem.detail}
          retrying={failed.state.fetchStatus === 'fetching'}
          refreshButton={refreshButton}
          onRefresh={() => {
            void refetchFailed();
            // Refresh now is disabled while it loads: if the refresh fails again, it gets the focus back.
            refocusWhenLost(() => refreshButton.current, 600);
          }}
        />
      ) : null}
    </>
  );
}

function OutOfDateCallout({
  title,
  detail,
  retrying,
  refreshButton,
  onRefresh,
}: {
  title: string;
  detail: string;
  retrying: boolean;
  refreshButton: RefObject<HTMLButtonElement | null>;
  onRefresh: () => void;
}) {
  return (
    <Box marginBottom="space70">
      <Callout variant="warning" marginY="space0">
        <CalloutHeading as="h2">What you see may be out of date</CalloutHeading>
        <CalloutText>
          <Text as="span" fontWeight="fontWeightSemibold">
            {title}.
          </Text>{' '}
          {detail} Unsaved edits stay where they are. The console tries again every {AUTO_REFRESH_SECONDS} seconds.
        </CalloutText>
        <Box marginTop="space40">
          <Button ref={refreshButton} variant="secondary" size="small" loading={retrying} onClick={onRefresh}>
            Refresh now
          </Button>
        </Box>
      </Callout>
    </Box>
  );
}

/**
 * While stale data shows: tries the failed refreshes again now and then, as a server that was down
 * comes back without any event the browser sees (no reconnect, and the window may keep its focus).
 * Once it is no longer stale, says so in a toast: the banner going away moves the page up.
 */
function useRecoveryWhileStale(stale: boolean, refetchFailed: () => Promise<unknown>): void {
  const toast = useToast();
  const wasStale = useRef(false);
  useEffect(() => {
    if (wasStale.current && !stale) toast('Up to date again: the server answers, and the page shows its latest data.');
    wasStale.current = stale;
  }, [stale, toast]);
  useEffect(() => {
    if (!stale) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refetchFailed();
    }, AUTO_REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [stale, refetchFailed]);
}
