import { Box } from '@twilio-paste/box';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  heading: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled block of a page, labelled by its heading for assistive technology. */
export function Section({ id, heading, description, actions, children }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Box as="section" aria-labelledby={headingId} marginBottom="space120">
      <Box display="flex" alignItems="flex-start" justifyContent="space-between" columnGap="space60">
        <Box maxWidth="size70">
          <Box marginBottom={description ? 'space30' : 'space50'}>
            <Heading as="h2" variant="heading30" id={headingId} marginBottom="space0">
              {heading}
            </Heading>
          </Box>
          {description ? <Paragraph>{description}</Paragraph> : null}
        </Box>
        {actions ? <Box flexShrink={0}>{actions}</Box> : null}
      </Box>
      {children}
    </Box>
  );
}
