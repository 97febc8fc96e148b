import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Stack } from '@twilio-paste/stack';
import { Component, type ReactNode } from 'react';
import { describeError } from '../lib/errors.ts';

interface LoadFailureBoundaryProps {
  /** What fails to show, for the heading: "The lookup preview" → "The lookup preview could not be shown". */
  what: string;
  /** The heading's level where the part stood: `h2` for a whole tab, `h1` for the whole page. */
  headingAs?: 'h1' | 'h2' | 'h3';
  /** Loads the part again (a lazily loaded part forgets its failed download), then it is rendered anew. */
  onRetry?: () => void;
  /**
   * What to show instead of the error callout, where one would not fit (the top bar); none by
   * default.
   */
  fallback?: ReactNode;
  /**
   * The part, as a function called at each render: after a retry it must use the component
   * `RetryableLazy.current()` gives then, not the one that failed.
   */
  children: () => ReactNode;
}

/** A dynamic import whose file could not be fetched: Chromium, Firefox and Safari word it differently. */
function isChunkLoadFailure(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}

/**
 * Keeps a failure to render one part of the page (most often: its code, loaded on demand, could not
 * be downloaded because the server is unreachable or was redeployed) inside that part. Without it
 * React unmounts the whole console and leaves a blank page, losing unsaved edits elsewhere.
 */
export class LoadFailureBoundary extends Component<LoadFailureBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  private readonly retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children();
    if (this.props.fallback !== undefined) return this.props.fallback;
    const chunk = isChunkLoadFailure(error);
    const { title, detail } = describeError(error);
    return (
      <Callout variant="error" marginY="space0">
        <CalloutHeading as={this.props.headingAs ?? 'h3'}>{this.props.what} could not be shown</CalloutHeading>
        <CalloutText>
          {chunk
            ? 'Its part of the console could not be downloaded: the server may be unreachable, or a new version was just installed. Try again, or reload the page (unsaved edits on other tabs would be lost).'
            : `${title}. ${detail}`}
        </CalloutText>
        <Box marginTop="space40">
          <Stack orientation="horizontal" spacing="space40">
            <Button variant="secondary" size="small" onClick={this.retry}>
              Try again
            </Button>
            <Button variant="secondary" size="small" onClick={() => window.location.reload()}>
              Reload the page
            </Button>
          </Stack>
        </Box>
      </Callout>
    );
  }
}
