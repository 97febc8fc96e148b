import { Alert } from '@twilio-paste/alert';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Text } from '@twilio-paste/text';
import { useEffect, useRef } from 'react';
import { describeError } from '../lib/errors.ts';
import type { ConflictStatus, ReloadMode } from '../lib/use-save-status.ts';

/**
 * A 412 on save: someone else changed the settings first. Explains what was not saved and, when the
 * form can tell, what the other change was; offers Reload (take theirs, start again) and, with
 * `onKeepMine`, Keep my changes (the admin's edits on top of the latest: theirs stays where the
 * admin changed nothing, the admin's replaces it where both changed, see `showLatest`). Reload takes
 * the focus as the alert appears: the button that saved is disabled by now, which would drop the
 * focus to the page, and the alert may sit out of view above a long table.
 */
function ConflictAlert({
  notSaved,
  theirs = null,
  reloadShows = 'values',
  onReload,
  onKeepMine,
  reloading,
}: {
  /** What was not saved, e.g. "Your priority order was not saved". */
  notSaved: string;
  /** What the other change did, e.g. "Display name “Email” → “Support email”"; `null` when unknown. */
  theirs?: string | null;
  /** What Reload brings back, when "values" is too vague for the form (e.g. "mapping"). */
  reloadShows?: string;
  onReload: () => void;
  /** Keeps the form's values on top of the latest version; offered only with `theirs` known. */
  onKeepMine?: () => void;
  reloading: boolean | ReloadMode;
}) {
  const reloadButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    reloadButton.current?.focus();
  }, []);
  const canKeepMine = onKeepMine !== undefined && theirs !== null;
  return (
    <Alert variant="warning">
      <Text as="p" marginBottom="space30">
        <strong>Someone else changed the settings while you were editing{theirs === null ? '.' : ':'}</strong>{' '}
        {theirs === null ? null : `${theirs}. `}
        {notSaved}. Reload to see the latest {reloadShows}
        {canKeepMine ? ', or keep your changes on top of them.' : ', then make your change again.'}
      </Text>
      <Box display="flex" flexWrap="wrap" columnGap="space40" rowGap="space30">
        <Button
          ref={reloadButton}
          variant="secondary"
          size="small"
          onClick={onReload}
          loading={reloading === true || reloading === 'theirs'}
          disabled={reloading === 'mine'}
        >
          Reload
        </Button>
        {canKeepMine ? (
          <Button
            variant="secondary"
            size="small"
            onClick={onKeepMine}
            loading={reloading === 'mine'}
            disabled={reloading === 'theirs'}
          >
            Keep my changes
          </Button>
        ) : null}
      </Box>
    </Alert>
  );
}

/**
 * After Keep my changes, when the admin's edits overwrite part of the other change: the form now
 * edits the latest version, and this note names what saving replaces, so that nobody overwrites
 * it unawares.
 */
function KeptChangesNote({ theirs }: { theirs: string }) {
  return (
    <Alert variant="neutral">
      <Text as="p">
        <strong>Your changes are kept</strong> on top of the latest settings. Saving replaces the other change:{' '}
        {`${theirs}.`}
      </Text>
    </Alert>
  );
}

/** A form's conflict alert while a 412 waits for an answer, then the kept-changes note if any; else nothing. */
export function ConflictNotice({ status, reloadShows }: { status: ConflictStatus; reloadShows?: string }) {
  if (status.conflict) {
    return (
      <ConflictAlert
        notSaved={status.notSaved}
        theirs={status.theirs}
        reloadShows={reloadShows}
        onReload={status.onReload}
        onKeepMine={status.onKeepMine}
        reloading={status.reloading}
      />
    );
  }
  return status.keptOver ? <KeptChangesNote theirs={status.keptOver} /> : null;
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
