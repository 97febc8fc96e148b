import { type AddressType, type Identifier, mappedAddressType } from '@idr/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertDialog } from '@twilio-paste/alert-dialog';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutText } from '@twilio-paste/callout';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/modal';
import { Text } from '@twilio-paste/text';
import { useCallback, useId, useRef, useState } from 'react';
import { FormErrorAlert } from '../../components/form-alerts.tsx';
import { FragmentLink } from '../../components/fragment-link.tsx';
import { useToast } from '../../components/toast.tsx';
import { ApiError, isVersionConflict } from '../../lib/errors.ts';
import { identifiersQueryOptions } from '../../lib/identifiers-query.ts';
import { ADDRESS_TYPE_LABEL } from '../../lib/labels.ts';
import { addressTypeMappingsQueryOptions } from '../../lib/mappings-query.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { useBackForwardClosesDialog } from '../../lib/router.ts';
import { useEscapeDismisses } from '../../lib/use-escape-dismisses.ts';
import { useOneAtATime } from '../../lib/use-one-at-a-time.ts';
import { useDeleteIdentifier } from './identity-resolution-queries.ts';

interface DeleteIdentifierDialogProps {
  spaceId: string;
  /** The address-type mapping form, where a mapped identifier is unmapped first. */
  mappingsHref: string;
  identifier: Identifier;
  /** Settings version of the listing the admin confirmed from. */
  version: number;
  /** Called once the identifier is deleted, just before `onClose`. */
  onDeleted: () => void;
  onClose: () => void;
}

/**
 * Deleting an identifier. A mapped one cannot be deleted (SPEC §4), so the console, which knows the
 * mappings, says so up front instead of asking for a confirmation the server would refuse.
 */
/**
 * A key has up to 64 characters and nowhere to break; AlertDialog takes its heading as a string and
 * no style props, so the dialog element itself is told to wrap long words (the heading inherits it).
 */
function wrapLongWords(dialog: HTMLDivElement | null) {
  dialog?.style.setProperty('overflow-wrap', 'anywhere');
}

export function DeleteIdentifierDialog({
  spaceId,
  mappingsHref,
  identifier,
  version,
  onDeleted,
  onClose,
}: DeleteIdentifierDialogProps) {
  const mappings = useQuery(addressTypeMappingsQueryOptions(spaceId));
  // Set when the server refuses with 409 though the mappings read earlier did not show it mapped.
  const [refusedAsMapped, setRefusedAsMapped] = useState(false);
  const addressType = mappedAddressType(mappings.data?.mappings, identifier.key);
  if (addressType || refusedAsMapped) {
    return (
      <MappedIdentifierDialog
        identifierKey={identifier.key}
        addressType={addressType}
        mappingsHref={mappingsHref}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmDeleteDialog
      spaceId={spaceId}
      identifier={identifier}
      version={version}
      // Until the mappings are known, a mapped identifier could be confirmed only to be refused.
      mappingsPending={mappings.isPending}
      onRefusedAsMapped={() => setRefusedAsMapped(true)}
      onDeleted={onDeleted}
      onClose={onClose}
    />
  );
}

/** Why a mapped identifier cannot be deleted, and where to unmap it; nothing to confirm. */
function MappedIdentifierDialog({
  identifierKey,
  addressType,
  mappingsHref,
  onClose,
}: {
  identifierKey: string;
  mappingsHref: string;
  /** Null when the server refused but the mapping is not known here. */
  addressType: AddressType | null;
  onClose: () => void;
}) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement | null>(null);
  useBackForwardClosesDialog(onClose);
  const mappedTo = addressType ? `${ADDRESS_TYPE_LABEL[addressType]} lookups` : 'an address type';
  return (
    <Modal isOpen onDismiss={onClose} size="default" ariaLabelledby={headingId} initialFocusRef={closeRef}>
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          {/* A key may be 64 characters with nowhere to break: it wraps inside the dialog. */}
          <Box as="span" overflowWrap="anywhere">
            Cannot delete {identifierKey}
          </Box>
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        <Text as="p" overflowWrap="anywhere">
          <Text as="span" fontFamily="fontFamilyCode">
            {identifierKey}
          </Text>{' '}
          is mapped to {mappedTo}. Unmap it first in{' '}
          <FragmentLink href={mappingsHref} onFollow={onClose}>
            Identifier mapping by address type
          </FragmentLink>{' '}
          on the Identifiers tab.
        </Text>
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          <Button ref={closeRef} variant="primary" onClick={onClose}>
            Close
          </Button>
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}

/** Asks before deleting an identifier that no address type uses. */
function ConfirmDeleteDialog({
  spaceId,
  identifier,
  version,
  mappingsPending,
  onRefusedAsMapped,
  onDeleted,
  onClose,
}: Omit<DeleteIdentifierDialogProps, 'mappingsHref'> & { mappingsPending: boolean; onRefusedAsMapped: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useDeleteIdentifier(spaceId);
  const identifiers = useQuery(identifiersQueryOptions(spaceId));
  const [problem, setProblem] = useState<{ kind: 'conflict' } | { kind: 'error'; error: unknown } | null>(null);
  const lowestPriority = identifiers.data?.identifiers.length ?? identifier.priority;
  const othersMoveUp = identifier.priority < lowestPriority;

  const pending = mutation.isPending;
  // A delete under way finishes in the dialog that started it: closing waits for its answer.
  const dismiss = useCallback(() => {
    if (!pending) onClose();
  }, [pending, onClose]);
  useBackForwardClosesDialog(dismiss);
  useEscapeDismisses(dismiss);

  const confirm = useOneAtATime(async () => {
    setProblem(null);
    try {
      await mutation.mutateAsync({ key: identifier.key, version });
      toast(`${identifier.key} deleted. Events received from now on are no longer matched on it.`);
      onDeleted();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'identifier_mapped') {
        // Mapped meanwhile: the refreshed mappings say to which address type.
        await queryClient.invalidateQueries({ queryKey: addressTypeMappingsQueryOptions(spaceId).queryKey });
        onRefusedAsMapped();
      } else if (isVersionConflict(error)) {
        setProblem({ kind: 'conflict' });
        // The next confirmation is based on the refreshed list (its version comes back as a prop).
        await queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
      } else setProblem({ kind: 'error', error });
    }
  });

  return (
    <AlertDialog
      heading={`Delete ${identifier.key}?`}
      ref={wrapLongWords}
      isOpen
      destructive
      onConfirm={confirm}
      onConfirmLabel="Delete identifier"
      onDismiss={dismiss}
      onDismissLabel="Cancel"
      isConfirmDisabled={mutation.isPending || mappingsPending}
    >
      <Text as="p">
        Events received after this are no longer matched on{' '}
        <Text as="span" fontFamily="fontFamilyCode">
          {identifier.key}
        </Text>
        {othersMoveUp ? '; identifiers below it move up one place' : ''}. This cannot be undone.
      </Text>
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
