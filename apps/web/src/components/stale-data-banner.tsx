import { useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Text } from '@twilio-paste/text';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { describeError } from '../lib/errors.ts';
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
  // A server that was down comes back without any event the browser sees (no reconnect, and the
  // window may keep its focus): try again now and then, while someone can see the page.
  const showing = failed !== undefined;
  // The banner going away moves the page up: say why, once, where toasts are read out.
  const toast = useToast();
  const wasShowing = useRef(false);
  useEffect(() => {
    if (wasShowing.current && !showing)
      toast('Up to date again: the server answers, and the page shows its latest data.');
    wasShowing.current = showing;
  }, [showing, toast]);
  useEffect(() => {
    if (!showing) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refetchFailed();
    }, AUTO_REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [showing, refetchFailed]);
  if (!failed) return null;
  const { title, detail } = describeError(failed.state.error);
  const retrying = failed.state.fetchStatus === 'fetching';
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
          <Button variant="secondary" size="small" loading={retrying} onClick={() => void refetchFailed()}>
            Refresh now
          </Button>
        </Box>
      </Callout>
    </Box>
  );
}
