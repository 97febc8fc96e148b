import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import {
  PageHeader,
  PageHeaderDetails,
  PageHeaderHeading,
  PageHeaderKeyword,
  PageHeaderParagraph,
} from '@twilio-paste/page-header';
import { Spinner } from '@twilio-paste/spinner';
import { Tab, TabList, TabPanel, TabPanels, Tabs } from '@twilio-paste/tabs';
import { LazyPart } from '../components/lazy-part.tsx';
import { Section } from '../components/section.tsx';
import { AddressTypeMappingsSection } from '../features/address-type-mappings/address-type-mappings-section.tsx';
import { HistoryTab } from '../features/history/history-tab.tsx';
import { IdentifiersTable } from '../features/identifiers/identifiers-table.tsx';
import { IdentityResolutionTab } from '../features/identity-resolution/identity-resolution-tab.tsx';
import { SpaceNotFound } from '../features/spaces/space-not-found.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { ApiError } from '../lib/errors.ts';
import { identifiersQueryOptions } from '../lib/identifiers-query.ts';
import { addressTypeMappingsQueryOptions } from '../lib/mappings-query.ts';
import { retryableLazy } from '../lib/retryable-lazy.ts';
import { spacePath } from '../lib/space-path.ts';
import { spaceQueryOptions } from '../lib/space-query.ts';
import { UnsavedChangesPlace, usePlacesWithUnsavedChanges } from '../lib/use-before-unload.ts';
import { MANAGE_TABS, type ManageTab, manageTabLabel } from './manage-tabs.ts';
import { useManageTabs, useVisitedTabs } from './use-manage-tabs.ts';

// Loaded apart from the settings tabs: only admins who preview lookups need its code.
const lookupPreviewTab = retryableLazy(() =>
  import('../features/lookup-preview/lookup-preview-tab.tsx').then((module) => module.LookupPreviewTab),
);

// Loaded apart as well: exporting and importing settings files is occasional work.
const settingsFileSection = retryableLazy(() =>
  import('../features/settings-file/settings-file-section.tsx').then((module) => module.SettingsFileSection),
);

/**
 * After a tab's name while a form on it holds unsaved edits: they stay when another tab is shown,
 * and this dot says where they are (the tab's accessible name says it in words).
 */
function UnsavedMark() {
  return (
    <Box
      as="span"
      aria-hidden="true"
      display="inline-block"
      width="sizeSquare30"
      height="sizeSquare30"
      marginLeft="space30"
      borderRadius="borderRadiusCircle"
      // Primary blue: the warning orange has 2.7:1 against the page, under the 3:1 a mark needs.
      backgroundColor="colorBackgroundPrimary"
      verticalAlign="middle"
    />
  );
}

/**
 * Unified Profiles › Manage: composes the identifiers, address-type-mapping, identity-resolution and
 * settings-file features.
 */
export function ManagePage({ spaceId, tabId }: { spaceId: string; tabId: ManageTab['id'] }) {
  const { tabState, tabProps } = useManageTabs(spaceId, tabId);
  const visited = useVisitedTabs(tabId);
  const tabLabel = manageTabLabel(tabId) ?? '';
  const unsaved = usePlacesWithUnsavedChanges();
  const identifiers = useQuery(identifiersQueryOptions(spaceId));
  const mappings = useQuery(addressTypeMappingsQueryOptions(spaceId));
  const unknownSpace = identifiers.error instanceof ApiError && identifiers.error.code === 'space_not_found';
  // The space by the name admins know it by (its id until the name has loaded).
  const spaceName = useQuery(spaceQueryOptions(spaceId)).data?.space.name;
  useDocumentTitle(
    unknownSpace ? `There is no space “${spaceId}”` : `${tabLabel} · Manage`,
    spaceName ? `${spaceName} space` : `Space ${spaceId}`,
  );
  // The address-type mapping form, where the other tabs send an admin to change a mapping.
  const mappingsHref = spacePath(spaceId, `${MANAGE_TABS[0].path}#address-type-mappings-heading`);
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
      {unknownSpace ? (
        <SpaceNotFound
          spaceId={spaceId}
          path={MANAGE_TABS.find((tab) => tab.id === tabId)?.path ?? MANAGE_TABS[0].path}
        />
      ) : (
        <Tabs state={tabState}>
          <TabList aria-label="Manage unified profiles">
            {MANAGE_TABS.map((tab) => (
              <Tab
                key={tab.id}
                {...tabProps(tab)}
                aria-label={unsaved.has(tab.id) ? `${tab.label}, unsaved changes` : undefined}
              >
                {tab.label}
                {unsaved.has(tab.id) ? <UnsavedMark /> : null}
              </Tab>
            ))}
          </TabList>
          <TabPanels>
            <TabPanel>
              <Box paddingTop="space90">
                <UnsavedChangesPlace value="identifiers">
                  <Section
                    id="identifiers"
                    heading="Identifiers"
                    description="Listed in priority order (1 is the highest). Display names are what agents see on the profile card and what flow builders show; priority is changed in identity-resolution settings."
                  >
                    <IdentifiersTable
                      spaceId={spaceId}
                      mappings={mappings.data?.mappings}
                      addIdentifierHref={spacePath(
                        spaceId,
                        `${MANAGE_TABS[1].path}#identity-resolution-priority-heading`,
                      )}
                    />
                  </Section>
                  <Section
                    id="address-type-mappings"
                    heading="Identifier mapping by address type"
                    description="When a call, message or email comes in, the profile lookup searches the identifier mapped to its address type. An identifier can hold only one address type."
                  >
                    <AddressTypeMappingsSection
                      spaceId={spaceId}
                      identifiers={identifiers.data?.identifiers}
                      identifiersError={identifiers.error}
                    />
                  </Section>
                </UnsavedChangesPlace>
              </Box>
            </TabPanel>
            <TabPanel>
              <Box paddingTop="space90">
                {visited.has('identity-resolution') ? (
                  <UnsavedChangesPlace value="identity-resolution">
                    <IdentityResolutionTab spaceId={spaceId} mappingsHref={mappingsHref} />
                    <Section
                      id="settings-file"
                      heading="Settings file"
                      description="Export saves this space’s settings as a JSON file; importing one replaces every identifier, the address-type mapping and the default country of this space (existing profiles are not re-resolved)."
                    >
                      <LazyPart
                        part={settingsFileSection}
                        what="The settings file actions"
                        loading={
                          <Spinner decorative={false} title="Loading the settings file actions" size="sizeIcon70" />
                        }
                        render={(SettingsFileSection) => <SettingsFileSection spaceId={spaceId} />}
                      />
                    </Section>
                  </UnsavedChangesPlace>
                ) : null}
              </Box>
            </TabPanel>
            <TabPanel>
              <Box paddingTop="space90">
                <LazyPart
                  part={lookupPreviewTab}
                  what="The lookup preview"
                  headingAs="h2"
                  loading={<Spinner decorative={false} title="Loading the lookup preview" size="sizeIcon70" />}
                  render={(LookupPreviewTab) => (
                    <LookupPreviewTab
                      spaceId={spaceId}
                      identifiers={identifiers.data?.identifiers}
                      mappings={mappings.data?.mappings}
                      mappingsHref={mappingsHref}
                    />
                  )}
                />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box paddingTop="space90">
                {visited.has('history') ? <HistoryTab spaceId={spaceId} shown={tabId === 'history'} /> : null}
              </Box>
            </TabPanel>
          </TabPanels>
        </Tabs>
      )}
    </>
  );
}
