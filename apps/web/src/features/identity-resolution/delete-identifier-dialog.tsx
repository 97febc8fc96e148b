import type { Identifier } from '@idr/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { AlertDialog } from '@twilio-paste/alert-dialog';
import { Box } from '@twilio-paste/box';
import { Callout, CalloutText } from '@twilio-paste/callout';
import { Text } from '@twilio-paste/text';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../components/form-alerts.tsx';
import { useToast } from '../../components/toast.tsx';
import { ApiError, isVersionConflict } from '../../lib/errors.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { useDeleteIdentifier } from './identity-resolution-queries.ts';

/** Asks before deleting an identifier; explains a 409 when it is still mapped to an address type. */
export function DeleteIdentifierDialog({
  spaceId,
  identifier,
  version,
  onClose,
}: {
  spaceId: string;
  identifier: Identifier;
  /** Settings version of the listing the admin confirmed from. */
  version: number;
  onClose: () => void;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useDeleteIdentifier(spaceId);
  const [problem, setProblem] = useState<{ kind: 'mapped' | 'conflict' } | { kind: 'error'; error: unknown } | null>(
    null,
  );

  // Paste's AlertDialog gives its overlay no onDismiss, so Escape does nothing; an alert dialog
  // should close on Escape like any dialog.
  const pending = mutation.isPending;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && !pending) onClose();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [pending, onClose]);

  async function confirm() {
    setProblem(null);
    try {
      await mutation.mutateAsync({ key: identifier.key, version });
      toast(`${identifier.key} deleted. Events received from now on are no longer matched on it.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'identifier_mapped') setProblem({ kind: 'mapped' });
      else if (isVersionConflict(error)) {
        setProblem({ kind: 'conflict' });
        // The next confirmation is based on the refreshed list (its version comes back as a prop).
        await queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
      } else setProblem({ kind: 'error', error });
    }
  }

  return (
    <AlertDialog
      heading={`Delete ${identifier.key}?`}
      isOpen
      destructive
      onConfirm={confirm}
      onConfirmLabel="Delete identifier"
      onDismiss={onClose}
      onDismissLabel="Cancel"
      isConfirmDisabled={mutation.isPending || problem?.kind === 'mapped'}
    >
      <Text as="p">
        Events received after this are no longer matched on{' '}
        <Text as="span" fontFamily="fontFamilyCode">
          {identifier.key}
        </Text>
        ; identifiers below it move up one place. This cannot be undone.
      </Text>
      {problem?.kind === 'mapped' ? (
        <Box marginTop="space50">
          <Callout variant="error" marginY="space0">
            <CalloutText>
              <strong>{identifier.key} is mapped to an address type, so it cannot be deleted.</strong> Set its address
              type to None under “Identifier mapping by address type” on the Identifiers tab first, then delete it.
            </CalloutText>
          </Callout>
        </Box>
      ) : null}
      {problem?.kind === 'conflict' ? (
        <Box marginTop="space50">
          <Callout variant="warning" marginY="space0">
            <CalloutText>
              <strong>Someone else changed the settings meanwhile.</strong> Nothing was deleted. The list has been
              refreshed; check it and choose Delete again.
            </CalloutText>
          </Callout>
        </Box>
      ) : null}
      {problem?.kind === 'error' ? (
        <Box marginTop="space50">
          <FormErrorAlert error={problem.error} />
        </Box>
      ) : null}
    </AlertDialog>
  );
}
