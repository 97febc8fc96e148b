import { Box, type BoxProps } from '@twilio-paste/box';
import { Fragment } from 'react';

interface WrappingTextProps extends Pick<BoxProps, 'color' | 'fontSize' | 'fontFamily'> {
  children: string;
  /** Beyond this width the text wraps (within a narrower cell, it wraps at the cell's width). */
  maxWidth?: BoxProps['maxWidth'];
}

/**
 * A value shown whole in a table cell (an identifier key of up to 64 characters, a display name),
 * wrapping rather than widening the table: a narrower page squeezes its column, down to the
 * column's own minimum (a `minWidth` on the cell's content). Cut with an ellipsis instead, the rest was readable only by
 * pointing at it: not from the keyboard or a touch screen, and two keys that begin alike looked the
 * same. Keys break after their separators (`_`, `.`, `-`) where they can, anywhere where they must.
 */
export function WrappingText({ children, maxWidth, ...textProps }: WrappingTextProps) {
  const parts = children.split(/(?<=[_.-])/);
  return (
    <Box as="span" display="block" maxWidth={maxWidth} overflowWrap="anywhere" {...textProps}>
      {parts.map((part, index) => (
        // The parts of one string, in order: the index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </Box>
  );
}
