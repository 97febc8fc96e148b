import { Box } from '@twilio-paste/box';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import { createContext, type ReactNode, useContext } from 'react';

interface SectionProps {
  id: string;
  heading: string;
  description?: ReactNode;
  children: ReactNode;
}

const SectionHeadingContext = createContext<string | undefined>(undefined);

/**
 * The id of the heading of the section around the caller, to name what the section holds (its
 * table) with `aria-labelledby`; `undefined` outside a section.
 */
export function useSectionHeadingId(): string | undefined {
  return useContext(SectionHeadingContext);
}

/** A titled block of a page, labelled by its heading for assistive technology. */
export function Section({ id, heading, description, children }: SectionProps) {
  const headingId = `${id}-heading`;
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
      <SectionHeadingContext.Provider value={headingId}>{children}</SectionHeadingContext.Provider>
    </Box>
  );
}
