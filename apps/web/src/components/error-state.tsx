import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Text } from '@twilio-paste/text';
import { describeError } from '../lib/errors.ts';
import { outageOf, useWaitsForOutage } from '../lib/outage.ts';

interface ErrorStateProps {
  /** What could not be done, e.g. "The identifiers could not be loaded". */
  heading: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: what failed, the server's explanation, the request id for support, and Retry. */
export function ErrorState({ heading, error, onRetry, retrying = false }: ErrorStateProps) {
  const { title, detail, requestId } = describeError(error);
  return (
    <Callout variant="error" marginY="space0">
      <CalloutHeading as="h3">{heading}</CalloutHeading>
      <CalloutText>
        {/* Details may quote what was sent, such as a long value with no space to break at. */}
        <Text as="span" overflowWrap="anywhere">
          <Text as="span" fontWeight="fontWeightSemibold">
            {title}.
          </Text>{' '}
          {detail}
        </Text>
      </CalloutText>
      {requestId ? (
        <CalloutText>
          Request ID:{' '}
          <Text as="span" fontFamily="fontFamilyCode">
            {requestId}
          </Text>
        </CalloutText>
      ) : null}
      {onRetry ? (
        <Box marginTop="space40">
          <Button variant="secondary" size="small" onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        </Box>
      ) : null}
    </Callout>
  );
}

/** The parts of a react-query result that QueryErrorState needs. */
interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * ErrorState for a query that failed to load; Retry refetches it. While the page notice says the
 * server or its database is out, that is the reason: a line says this part waits, rather than
 * repeating the notice, its request id and its button in every section.
 */
export function QueryErrorState({ heading, query }: { heading: string; query: FailedQuery }) {
  if (useWaitsForOutage(query.error)) return <WaitingForOutage heading={heading} error={query.error} />;
  return (
    <ErrorState
      heading={heading}
      error={query.error}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
}

/** What a part of the page that could not load says while the page notice explains the outage. */
function WaitingForOutage({ heading, error }: { heading: string; error: unknown }) {
  const waitingFor =
    outageOf(error) === 'database'
      ? 'Waiting for the server to reach its database'
      : 'Waiting for the server to answer';
  return (
    <Callout variant="neutral" marginY="space0">
      <CalloutHeading as="h3">{heading}</CalloutHeading>
      <CalloutText>
        {waitingFor}: this loads by itself once it does (see the notice at the top of the page).
      </CalloutText>
    </Callout>
  );
}
