import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { SkeletonLoader } from '@twilio-paste/skeleton-loader';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useState } from 'react';
import { QueryErrorState } from '../../components/error-state.tsx';
import { Section } from '../../components/section.tsx';
import { identifiersQueryOptions } from '../../lib/identifiers-query.ts';
import { AddIdentifierModal } from './add-identifier-modal.tsx';
import { DefaultCountrySection } from './default-country-section.tsx';
import { PriorityTable } from './priority-table.tsx';
import { UnrecognizedTypesSection } from './unrecognized-types-section.tsx';

/** Identity resolution: priority, per-identifier rules, adding and deleting identifiers (SPEC §2, §5.2). */
export function IdentityResolutionTab({ spaceId, mappingsHref }: { spaceId: string; mappingsHref: string }) {
  return (
    <>
      <Section
        id="identity-resolution-priority"
        heading="Priority and rules"
        description={
          <>
            Identifiers are matched in priority order (1 is the highest). When a value must be dropped to respect a
            limit, the lowest-priority identifier goes first. Rules apply to events received after a change; existing
            profiles are not re-resolved.
          </>
        }
      >
        <PriorityBody spaceId={spaceId} mappingsHref={mappingsHref} />
      </Section>
      <Section
        id="unrecognized-identifier-types"
        heading="Unrecognized identifier types seen"
        description={
          <>
            Types of{' '}
            <Text as="code" fontFamily="fontFamilyCode">
              context.externalIds
            </Text>{' '}
            entries seen in events that match no identifier. Those IDs are ignored until you add an identifier with that
            key.
          </>
        }
      >
        <UnrecognizedTypesSection spaceId={spaceId} />
      </Section>
      <Section
        id="phone-numbers"
        heading="Phone numbers"
        description="Phone values are stored in E.164 (+14155550100), whatever form events and lookups send them in."
      >
        <DefaultCountrySection spaceId={spaceId} />
      </Section>
    </>
  );
}

function PriorityBody({ spaceId, mappingsHref }: { spaceId: string; mappingsHref: string }) {
  const query = useQuery(identifiersQueryOptions(spaceId));
  const [adding, setAdding] = useState(false);

  if (query.isPending) {
    return (
      <Box aria-busy="true">
        <ScreenReaderOnly>Loading identifiers…</ScreenReaderOnly>
        <Stack orientation="vertical" spacing="space40">
          {[1, 2, 3, 4].map((row) => (
            <SkeletonLoader key={row} height="sizeSquare100" />
          ))}
        </Stack>
      </Box>
    );
  }
  if (query.isLoadingError) {
    return <QueryErrorState heading="The identifiers could not be loaded" query={query} />;
  }
  if (query.data.identifiers.length === 0) {
    return (
      <>
        <Callout variant="neutral">
          <CalloutHeading as="h3">This space has no identifiers yet</CalloutHeading>
          <CalloutText>
            Without identifiers, incoming events cannot be matched to customer profiles. Start with user_id, email and
            phone.
          </CalloutText>
        </Callout>
        <Box marginTop="space50">
          <Button variant="primary" onClick={() => setAdding(true)}>
            <PlusIcon decorative />
            Add identifier
          </Button>
        </Box>
        {adding ? <AddIdentifierModal spaceId={spaceId} list={query.data} onClose={() => setAdding(false)} /> : null}
      </>
    );
  }
  return <PriorityTable spaceId={spaceId} list={query.data} mappingsHref={mappingsHref} />;
}
