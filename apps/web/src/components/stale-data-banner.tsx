import { useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Text } from '@twilio-paste/text';
import { useCallback, useSyncExternalStore } from 'react';
import { describeError } from '../lib/errors.ts';

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
          {detail} Unsaved edits stay where they are.
        </CalloutText>
        <Box marginTop="space40">
          <Button
            variant="secondary"
            size="small"
            loading={retrying}
            onClick={() => queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' })}
          >
            Refresh now
          </Button>
        </Box>
      </Callout>
    </Box>
  );
}
