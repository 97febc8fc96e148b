import { useQuery } from '@tanstack/react-query';
import { AlertDialog } from '@twilio-paste/alert-dialog';
import { Text } from '@twilio-paste/text';
import { useBackForwardClosesDialog } from '../../lib/router.ts';
import {
  type PendingSpaceLeave,
  usePendingSpaceLeave,
  usePlacesWithUnsavedChanges,
} from '../../lib/use-before-unload.ts';
import { useEscapeDismisses } from '../../lib/use-escape-dismisses.ts';
import { spaceItems } from './space-items.ts';
import { spacesQueryOptions } from './spaces-query.ts';

/**
 * Asks before a switch to another space (the top bar, Back or Forward) drops unsaved edits: they
 * belong to this space's settings and are not carried over. Focus starts on Keep editing.
 */
export function DiscardEditsDialog({ placeLabel }: { placeLabel: (place: string) => string | undefined }) {
  const { pending, discardAndLeave, keepEditing } = usePendingSpaceLeave();
  return pending ? (
    <OpenDiscardEditsDialog
      pending={pending}
      placeLabel={placeLabel}
      onDiscard={discardAndLeave}
      onKeep={keepEditing}
    />
  ) : null;
}

/** "on Identity resolution", "on Identifiers and Identity resolution", or "on this page". */
function whereEdited(places: ReadonlySet<string>, placeLabel: (place: string) => string | undefined): string {
  const labels = [...places].map(placeLabel).filter((label): label is string => label !== undefined);
  if (labels.length === 0) return 'on this page';
  return `on ${new Intl.ListFormat('en', { type: 'conjunction' }).format(labels)}`;
}

function OpenDiscardEditsDialog({
  pending,
  placeLabel,
  onDiscard,
  onKeep,
}: {
  pending: PendingSpaceLeave;
  /** The name of a place (a tab) holding edits, for the question. */
  placeLabel: (place: string) => string | undefined;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  const places = usePlacesWithUnsavedChanges();
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
        Your changes {whereEdited(places, placeLabel)} have not been saved. Switching to the space{' '}
        <Text as="strong" fontWeight="fontWeightSemibold">
          {target?.label ?? pending.spaceId}
        </Text>{' '}
        discards them.
      </Text>
    </AlertDialog>
  );
}
