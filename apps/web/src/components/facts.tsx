import { Box } from '@twilio-paste/box';
import { Text } from '@twilio-paste/text';
import type { ReactNode } from 'react';

/** Terms and their values side by side, as a description list: `<Facts><Fact term="Created">…</Fact></Facts>`. */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <Box
      as="dl"
      display="grid"
      gridTemplateColumns="max-content 1fr"
      columnGap="space60"
      rowGap="space30"
      margin="space0"
    >
      {children}
    </Box>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text as="dt" fontWeight="fontWeightSemibold">
        {term}
      </Text>
      {/* A fact may quote a long unbroken value (a 64-character key, a typed value): it wraps in its column. */}
      <Text as="dd" margin="space0" overflowWrap="anywhere">
        {children}
      </Text>
    </>
  );
}
