import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import {
  PageHeader,
  PageHeaderDetails,
  PageHeaderHeading,
  PageHeaderKeyword,
  PageHeaderParagraph,
} from '@twilio-paste/page-header';
import { Tab, TabList, TabPanel, TabPanels, Tabs } from '@twilio-paste/tabs';
import { Section } from '../components/section.tsx';
import { AddressTypeMappingsSection } from '../features/address-type-mappings/address-type-mappings-section.tsx';
import { addressTypeMappingsQueryOptions } from '../features/address-type-mappings/mappings-queries.ts';
import { identifiersQueryOptions } from '../features/identifiers/identifiers-queries.ts';
import { IdentifiersTable } from '../features/identifiers/identifiers-table.tsx';

/** Unified Profiles › Manage: composes the identifiers and address-type-mapping features. */
export function ManagePage({ spaceId }: { spaceId: string }) {
  const identifiers = useQuery(identifiersQueryOptions(spaceId));
  const mappings = useQuery(addressTypeMappingsQueryOptions(spaceId));
  return (
    <>
      <PageHeader size="default">
        <PageHeaderDetails>
          <PageHeaderKeyword>Unified Profiles</PageHeaderKeyword>
          <PageHeaderHeading>Manage</PageHeaderHeading>
          <PageHeaderParagraph>
            Identifiers connect incoming customer events to unified profiles. Name them for your agents and choose which
            ones hold phone numbers and email addresses.
          </PageHeaderParagraph>
        </PageHeaderDetails>
      </PageHeader>
      <Tabs baseId="manage-tabs" selectedId="manage-tab-identifiers">
        <TabList aria-label="Manage unified profiles">
          <Tab id="manage-tab-identifiers">Identifiers</Tab>
        </TabList>
        <TabPanels>
          <TabPanel>
            <Box paddingTop="space90">
              <Section
                id="identifiers"
                heading="Identifiers"
                description="Listed in priority order (1 is the highest). Display names are what agents see on the profile card and what flow builders show; priority is changed in identity-resolution settings."
              >
                <IdentifiersTable spaceId={spaceId} mappings={mappings.data?.mappings} />
              </Section>
              <Section
                id="address-type-mappings"
                heading="Identifier mapping by address type"
                description="When a call, message or email comes in, the profile lookup searches the identifier mapped to its address type. An identifier can hold only one address type."
              >
                <AddressTypeMappingsSection
                  spaceId={spaceId}
                  identifiers={identifiers.data?.identifiers}
                  identifiersFailed={identifiers.isError}
                />
              </Section>
            </Box>
          </TabPanel>
        </TabPanels>
      </Tabs>
    </>
  );
}
