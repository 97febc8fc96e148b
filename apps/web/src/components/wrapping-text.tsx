import { Box, type BoxProps } from '@twilio-paste/box';
import { Fragment } from 'react';

interface WrappingTextProps extends Pick<BoxProps, 'color' | 'fontSize' | 'fontFamily'> {
  children: string;
}

/**
 * A value shown whole in a table cell (an identifier key of up to 64 characters, a display name),
 * wrapping rather than widening the table: its column's bounds are a `minWidth` and `maxWidth` on
 * the cell's content, and a narrower page squeezes the column down to its minimum. Cut with an
 * ellipsis instead, the rest was readable only by pointing at it: not from the keyboard or a touch
 * screen, and two keys that begin alike looked the same. Keys break after their separators (`_`,
 * `.`, `-`) where they can, anywhere where they must.
 */
export function WrappingText({ children, ...textProps }: WrappingTextProps) {
  const parts = children.split(/(?<=[_.-])/);
  return (
    <Box as="span" display="block" overflowWrap="anywhere" {...textProps}>
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
