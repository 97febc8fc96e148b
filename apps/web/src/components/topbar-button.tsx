import { Button } from '@twilio-paste/button';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import type { ReactNode, Ref } from 'react';

/**
 * A button of the top bar: its icon and label, or where the bar is short of room its icon alone,
 * named for screen readers and titled for the mouse.
 */
export function TopbarButton({
  iconOnly,
  icon,
  label,
  disabled,
  onClick,
  buttonRef,
}: {
  iconOnly: boolean;
  icon: ReactNode;
  label: string;
  disabled?: boolean;
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <Button
      ref={buttonRef}
      variant={iconOnly ? 'secondary_icon' : 'secondary'}
      size={iconOnly ? 'icon_small' : 'small'}
      disabled={disabled}
      onClick={onClick}
      title={iconOnly ? label : undefined}
    >
      {icon}
      {iconOnly ? <ScreenReaderOnly>{label}</ScreenReaderOnly> : label}
    </Button>
  );
}
