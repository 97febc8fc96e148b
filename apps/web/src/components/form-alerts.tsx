import { Alert } from '@twilio-paste/alert';
import { Button } from '@twilio-paste/button';
import { Text } from '@twilio-paste/text';
import { useEffect, useRef } from 'react';
import { describeError } from '../lib/errors.ts';

/**
 * A 412 on save: someone else changed the settings first. Explains what was not saved and offers
 * Reload, which takes the focus as the alert appears: the button that saved is disabled by now,
 * which would drop the focus to the page, and the alert may sit out of view above a long table.
 */
export function ConflictAlert({
  notSaved,
  reloadShows = 'values',
  onReload,
  reloading,
}: {
  /** What was not saved, e.g. "Your priority order was not saved". */
  notSaved: string;
  /** What Reload brings back, when "values" is too vague for the form (e.g. "mapping"). */
  reloadShows?: string;
  onReload: () => void;
  reloading: boolean;
}) {
  const reloadButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    reloadButton.current?.focus();
  }, []);
  return (
    <Alert variant="warning">
      <Text as="p" marginBottom="space30">
        <strong>Someone else changed the settings while you were editing.</strong> {notSaved}. Reload to see the latest{' '}
        {reloadShows}, then make your change again.
      </Text>
      <Button ref={reloadButton} variant="secondary" size="small" onClick={onReload} loading={reloading}>
        Reload
      </Button>
    </Alert>
  );
}

/** A failed save that no form field explains: the server's title and detail, and the request id. */
export function FormErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const { title, detail, requestId } = describeError(error);
  return (
    <Alert variant="error">
      <Text as="p">
        <strong>{title}.</strong> {detail}
        {requestId ? ` (Request ID: ${requestId})` : ''}
      </Text>
    </Alert>
  );
}
