import type { Space } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A space's Name field (New space, Rename space): its error, a warning when another space already
 * has the name (allowed, but then only the ids tell the two apart), and the form's own help.
 */
export function SpaceNameField({
  id,
  field,
  error,
  namesake,
  disabled,
  help,
}: {
  id: string;
  field: UseFormRegisterReturn;
  error: string | undefined;
  /** Another space of that name, if any (`spaceNamedLike`). */
  namesake: Pick<Space, 'id' | 'name'> | undefined;
  disabled?: boolean;
  help?: ReactNode;
}) {
  const errorId = `${id}-error`;
  const namesakeId = `${id}-namesake`;
  const helpId = `${id}-help`;
  const warned = namesake !== undefined && error === undefined;
  const describedBy = [error !== undefined ? errorId : null, warned ? namesakeId : null, help ? helpId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Box>
      <Label htmlFor={id} required>
        Name
      </Label>
      <Input
        id={id}
        type="text"
        autoComplete="off"
        hasError={error !== undefined}
        aria-describedby={describedBy || undefined}
        disabled={disabled}
        {...field}
      />
      {error !== undefined ? (
        <HelpText id={errorId} variant="error">
          {error}
        </HelpText>
      ) : null}
      {warned ? (
        <HelpText id={namesakeId} variant="warning">
          Another space is already called “{namesake.name}” ({namesake.id}). Both can have the name; only their IDs will
          tell them apart.
        </HelpText>
      ) : null}
      {help ? <HelpText id={helpId}>{help}</HelpText> : null}
    </Box>
  );
}
