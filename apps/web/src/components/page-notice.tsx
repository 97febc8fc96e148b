import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Text } from '@twilio-paste/text';
import { type ReactNode, useEffect, useRef } from 'react';
import { describeError } from '../lib/errors.ts';
import { type Outage, useOutage } from '../lib/outage.ts';
import { useFailedQueries } from '../lib/use-failed-queries.ts';
import { useRefocusAfterBusy } from '../lib/use-refocus-after-busy.ts';
import { useToast } from './toast.tsx';

/** How often failed requests are tried again while a notice shows. */
const AUTO_RETRY_SECONDS = 10;

/** What stays while a notice shows: said by both, since both leave the page as it was loaded. */
const WHAT_STAYS = `The page keeps what it shows and your unsaved edits, and tries again every ${AUTO_RETRY_SECONDS} seconds.`;

interface Notice {
  variant: 'error' | 'warning';
  heading: string;
  /** The notice's text after its heading. */
  text: ReactNode;
  /** What screen readers hear when it appears: the heading and what it means, in plain text. */
  announcement: string;
  button: string;
}

const OUTAGE_MEANING: Record<Outage, { heading: string; meaning: string }> = {
  database: {
    heading: 'The server cannot reach its database',
    meaning: 'Nothing can be loaded or saved until it answers again.',
  },
  server: {
    heading: 'The server is not answering',
    meaning: 'It may be restarting, or the network to it may be down: nothing can be loaded or saved until it is back.',
  },
};

/** The whole server, or its database, is out: every section that loads fails for the same reason. */
function outageNotice(outage: Outage): Notice {
  const { heading, meaning } = OUTAGE_MEANING[outage];
  return {
    variant: 'error',
    heading,
    text: `${meaning} ${WHAT_STAYS}`,
    announcement: `${heading}. ${meaning}`,
    button: 'Try again',
  };
}

/**
 * A background refresh failed for another reason: what was loaded stays on screen (the sections
 * test `isLoadingError`, not `isError`), and this says it may be out of date, and why.
 */
function staleNotice(error: unknown): Notice {
  const { title, detail } = describeError(error);
  return {
    variant: 'warning',
    heading: 'What you see may be out of date',
    text: (
      <>
        <Text as="span" fontWeight="fontWeightSemibold">
          {title}.
        </Text>{' '}
        {detail} {WHAT_STAYS}
      </>
    ),
    announcement: `What you see may be out of date. ${title}.`,
    button: 'Refresh now',
  };
}

/**
 * The one notice above the page about requests that fail: the server or its database is out
 * (`useOutage`), or else a refresh failed and the page may be out of date. Said once here rather
 * than by each section; sections that have nothing to show yet say in a line that they wait.
 */
export function PageNotice() {
  const outage = useOutage();
  const { stale, retrying, retry } = useFailedQueries();
  const notice = outage ? outageNotice(outage) : stale ? staleNotice(stale.error) : null;
  useRecovery(notice !== null, retry);
  const button = useRef<HTMLButtonElement>(null);
  // The button is disabled while the requests run (by a click or by the timer): if they fail
  // again, it gets the focus back.
  useRefocusAfterBusy(retrying, button);
  return (
    <>
      {/* Always in the page, so that screen readers announce the notice when it appears (WCAG 4.1.3). */}
      <ScreenReaderOnly>
        <div role="status">{notice?.announcement ?? ''}</div>
      </ScreenReaderOnly>
      {notice ? (
        <Box marginBottom="space70">
          <Callout variant={notice.variant} marginY="space0">
            <CalloutHeading as="h2">{notice.heading}</CalloutHeading>
            <CalloutText>{notice.text}</CalloutText>
            <Box marginTop="space40">
              <Button ref={button} variant="secondary" size="small" loading={retrying} onClick={() => void retry()}>
                {notice.button}
              </Button>
            </Box>
          </Callout>
        </Box>
      ) : null}
    </>
  );
}

/**
 * While a notice shows: tries the failed requests again now and then, as a server that was down
 * comes back without any event the browser sees (no reconnect, and the window may keep its focus).
 * Once no notice is needed any more, says so in a toast: the notice going away moves the page up.
 */
function useRecovery(failing: boolean, retry: () => Promise<unknown>): void {
  const toast = useToast();
  const wasFailing = useRef(false);
  useEffect(() => {
    if (wasFailing.current && !failing)
      toast('Up to date again: the server answers, and the page shows its latest data.');
    wasFailing.current = failing;
  }, [failing, toast]);
  useEffect(() => {
    if (!failing) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void retry();
    }, AUTO_RETRY_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [failing, retry]);
}
