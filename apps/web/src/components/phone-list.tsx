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

/**
 * An item of a list in priority order (the identifiers, the priority order), laid out alike in each:
 * its number in a column of its own, as wide in every such list, so that titles start at the same
 * place from one tab to the next; the title; controls of the item's place at the end of that line
 * (the priority order's move arrows); what the item says below; and its actions last, after what
 * they act on, as a table row's actions come at its end (and a phone has room there for several).
 */
export function NumberedListItem({
  number,
  title,
  placeControls,
  children,
  actions,
}: {
  number: ReactNode;
  title: ReactNode;
  placeControls?: ReactNode;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <PhoneListItem>
      <Box display="grid" gridTemplateColumns="minmax(0, 1fr) max-content" columnGap="space40" alignItems="start">
        <Box display="flex" columnGap="space30" alignItems="baseline" minWidth="0">
          {/* As wide as "was 4" below a moved identifier's number. */}
          <Box minWidth="sizeSquare110" flexShrink={0}>
            {number}
          </Box>
          <Box minWidth="0">{title}</Box>
        </Box>
        {placeControls}
      </Box>
      <Box marginTop="space40">{children}</Box>
      <Box display="flex" flexWrap="wrap" columnGap="space30" rowGap="space30" marginTop="space40">
        {actions}
      </Box>
    </PhoneListItem>
  );
}
