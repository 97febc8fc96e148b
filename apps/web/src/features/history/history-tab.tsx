import { useInfiniteQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Paragraph } from '@twilio-paste/paragraph';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { useCallback, useState } from 'react';
import { DateTime } from '../../components/date-time.tsx';
import { QueryErrorState } from '../../components/error-state.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { Section } from '../../components/section.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { describeAuditEntry } from './describe-audit-entry.ts';
import { historyQueryOptions } from './history-queries.ts';

function TableHead() {
  return (
    <THead>
      <Tr>
        <Th>When</Th>
        <Th>By</Th>
        <Th>Change</Th>
      </Tr>
    </THead>
  );
}

/** Every settings change of the space, newest first (SPEC §9 audit log), in words. */
export function HistoryTab({ spaceId }: { spaceId: string }) {
  return (
    <Section
      id="change-history"
      heading="Change history"
      description="Every change to this space’s identifiers, rules, priority, mappings and default country, newest first, whether made here or through the API. Changes apply to events received afterwards."
    >
      <HistoryBody spaceId={spaceId} />
    </Section>
  );
}

function HistoryBody({ spaceId }: { spaceId: string }) {
  const query = useInfiniteQuery(historyQueryOptions(spaceId));
  // After Load older changes, focus goes to the first row it brought (the button may be gone).
  const [firstLoadedRow, setFirstLoadedRow] = useState<number | null>(null);
  const focusOnMount = useCallback((row: HTMLTableRowElement | null) => row?.focus(), []);
  if (query.isPending) {
    return <TableSkeleton label="Loading the change history…" head={<TableHead />} rows={4} columns={3} />;
  }
  if (query.isError && !query.data) {
    return <QueryErrorState heading="The change history could not be loaded" query={query} />;
  }
  const entries = query.data.flatMap((page) => page.entries);
  if (entries.length === 0) return <Paragraph>No changes yet.</Paragraph>;
  return (
    <Box display="flex" flexDirection="column" rowGap="space50">
      <HorizontalScroll label="Change history table">
        <Table>
          <TableHead />
          <TBody>
            {entries.map((entry, index) => {
              const { title, changes } = describeAuditEntry(entry);
              const focusHere = index === firstLoadedRow ? { ref: focusOnMount, tabIndex: -1 } : {};
              return (
                <Tr key={entry.id} verticalAlign="top" {...focusHere}>
                  <Td whiteSpace="nowrap">
                    <DateTime value={entry.at} />
                  </Td>
                  <Td>{entry.actor}</Td>
                  <Td>
                    {/* Room for a change to read as a sentence; on a phone the table scrolls instead. */}
                    <Box minWidth="size30">
                      <Text as="span" fontWeight="fontWeightSemibold">
                        {title}
                      </Text>
                      {changes.length > 0 ? (
                        <Box as="ul" margin="space0" marginTop="space20" paddingLeft="space60">
                          {changes.map((change) => (
                            <Text as="li" key={change} color="colorTextWeak">
                              {change}
                            </Text>
                          ))}
                        </Box>
                      ) : null}
                    </Box>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </HorizontalScroll>
      {query.isError ? <QueryErrorState heading="More changes could not be loaded" query={query} /> : null}
      {query.hasNextPage ? (
        <Box>
          <Button
            variant="secondary"
            onClick={async () => {
              const loaded = entries.length;
              const result = await query.fetchNextPage();
              if (!result.isError) setFirstLoadedRow(loaded);
            }}
            loading={query.isFetchingNextPage}
          >
            Load older changes
          </Button>
        </Box>
      ) : (
        <Text as="p" color="colorTextWeak" fontSize="fontSize20">
          {entries.length === 1 ? 'The only change of this space.' : `All ${entries.length} changes of this space.`}
        </Text>
      )}
    </Box>
  );
}
