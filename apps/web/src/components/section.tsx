import { Box } from '@twilio-paste/box';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  heading: string;
  description?: ReactNode;
  children: ReactNode;
}

/** The id of a section's heading, which also names what the section holds (its table…). */
export function sectionHeadingId(sectionId: string): string {
  return `${sectionId}-heading`;
}

/** A titled block of a page, labelled by its heading for assistive technology. */
export function Section({ id, heading, description, children }: SectionProps) {
  const headingId = sectionHeadingId(id);
  return (
    <Box as="section" aria-labelledby={headingId} marginBottom="space120">
      <Box maxWidth="size70">
        <Box marginBottom={description ? 'space30' : 'space50'}>
          <Heading as="h2" variant="heading30" id={headingId} marginBottom="space0">
            {heading}
          </Heading>
        </Box>
        {description ? <Paragraph>{description}</Paragraph> : null}
      </Box>
      {children}
    </Box>
  );
}
