import { Button } from '@twilio-paste/button';
import { Spinner } from '@twilio-paste/spinner';

interface BusySubmitButtonProps {
  /** The form's request is running: a spinner shows, and the form should ignore another submit. */
  busy: boolean;
  disabled?: boolean;
  /** Id of the text that explains the button, e.g. why it is disabled. */
  describedBy?: string;
  children: string;
}

/**
 * The primary submit button of a form whose request takes a moment. Paste's `loading` state
 * disables the button, and a focused button that becomes disabled drops keyboard focus to the
 * page; this one stays enabled (and focused) while busy. Paste's Button sets aria-busy itself from
 * `loading` only, so the form carries aria-busy instead.
 */
export function BusySubmitButton({ busy, disabled = false, describedBy, children }: BusySubmitButtonProps) {
  return (
    <Button variant="primary" type="submit" disabled={disabled} aria-describedby={describedBy}>
      {busy ? <Spinner decorative size="sizeIcon20" /> : null}
      {children}
    </Button>
  );
}
