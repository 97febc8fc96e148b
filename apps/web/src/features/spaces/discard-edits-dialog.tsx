import { useQuery } from '@tanstack/react-query';
import { AlertDialog } from '@twilio-paste/alert-dialog';
import { Text } from '@twilio-paste/text';
import { useBackForwardClosesDialog } from '../../lib/router.ts';
import { type PendingSpaceLeave, usePendingSpaceLeave } from '../../lib/use-before-unload.ts';
import { useEscapeDismisses } from '../../lib/use-escape-dismisses.ts';
import { spaceItems } from './space-items.ts';
import { spacesQueryOptions } from './spaces-query.ts';

/**
 * Asks before a switch to another space (the top bar, Back or Forward) drops unsaved edits: they
 * belong to this space's settings and are not carried over. Focus starts on Keep editing.
 */
export function DiscardEditsDialog() {
  const { pending, discardAndLeave, keepEditing } = usePendingSpaceLeave();
  return pending ? <OpenDiscardEditsDialog pending={pending} onDiscard={discardAndLeave} onKeep={keepEditing} /> : null;
}

function OpenDiscardEditsDialog({
  pending,
  onDiscard,
  onKeep,
}: {
  pending: PendingSpaceLeave;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  useBackForwardClosesDialog(onKeep);
  useEscapeDismisses(onKeep);
  const spaces = useQuery(spacesQueryOptions());
  // Named as the switcher lists it (with its id when the name does not say which space it is).
  const target = spaceItems(spaces.data?.spaces ?? [], pending.spaceId).find((item) => item.id === pending.spaceId);
  return (
    <AlertDialog
      heading="Discard unsaved changes?"
      isOpen
      destructive
      onConfirm={onDiscard}
      onConfirmLabel="Discard and switch"
      onDismiss={onKeep}
      onDismissLabel="Keep editing"
    >
      <Text as="p" overflowWrap="anywhere">
        Your changes on this page have not been saved. Switching to the space{' '}
        <Text as="strong" fontWeight="fontWeightSemibold">
          {target?.label ?? pending.spaceId}
        </Text>{' '}
        discards them.
      </Text>
    </AlertDialog>
  );
}
