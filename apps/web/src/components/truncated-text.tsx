import { Box, type BoxProps } from '@twilio-paste/box';

interface TruncatedTextProps extends Pick<BoxProps, 'color' | 'fontSize' | 'fontFamily'> {
  children: string;
  /** Beyond this width the text is cut with an ellipsis. */
  maxWidth: BoxProps['maxWidth'];
}

/**
 * One line of text, cut with an ellipsis when it is longer than `maxWidth`, so that one long value
 * does not squeeze the other columns of a table. Screen readers still read the whole text (it is
 * all in the page), and pointing at it shows it in full.
 */
export function TruncatedText({ children, maxWidth, ...textProps }: TruncatedTextProps) {
  return (
    <Box
      as="span"
      display="block"
      maxWidth={maxWidth}
      overflow="hidden"
      textOverflow="ellipsis"
      whiteSpace="nowrap"
      title={children}
      {...textProps}
    >
      {children}
    </Box>
  );
}
