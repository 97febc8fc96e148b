import { Box, type BoxProps } from '@twilio-paste/box';
import type { ReactNode } from 'react';

/**
 * What a table becomes on a phone: a list without markers, one item per row, each separated from
 * the next by a rule (the identifiers, the priority order, the change history, dropped values).
 */
export function PhoneList({
  ordered = false,
  children,
  ...labelling
}: {
  /** An `<ol>` when the order means something (priority, newest first). */
  ordered?: boolean;
  children: ReactNode;
} & Pick<BoxProps, 'aria-label' | 'aria-labelledby'>) {
  return (
    <Box as={ordered ? 'ol' : 'ul'} margin="space0" padding="space0" listStyleType="none" {...labelling}>
      {children}
    </Box>
  );
}

/** One item of a `PhoneList`; layout props (a grid, focus handling) go to the `<li>` itself. */
export function PhoneListItem({ children, ...props }: Omit<BoxProps, 'as'>) {
  return (
    <Box
      as="li"
      paddingY="space50"
      borderBottomStyle="solid"
      borderBottomWidth="borderWidth10"
      borderBottomColor="colorBorderWeaker"
      {...props}
    >
      {children}
    </Box>
  );
}
