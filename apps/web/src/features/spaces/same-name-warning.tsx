import type { Space } from '@idr/contracts';
import { HelpText } from '@twilio-paste/help-text';

/** Said under a space's Name field when another space already has that name (it may, but should it?). */
export function SameNameWarning({ id, other }: { id: string; other: Pick<Space, 'id' | 'name'> }) {
  return (
    <HelpText id={id} variant="warning">
      Another space is already called “{other.name}” ({other.id}). Both can have the name; only their IDs will tell them
      apart.
    </HelpText>
  );
}
