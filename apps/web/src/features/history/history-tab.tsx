import type { AuditEntry } from '@idr/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Paragraph } from '@twilio-paste/paragraph';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DateTime } from '../../components/date-time.tsx';
import { QueryErrorState } from '../../components/error-state.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { ListLayoutBox } from '../../components/list-layout-box.tsx';
import { PhoneList, PhoneListItem } from '../../components/phone-list.tsx';
import { Section, useSectionHeadingId } from '../../components/section.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { wholeListCount } from '../../lib/labels.ts';
import { describeActor, describeAuditEntry } from './describe-audit-entry.ts';
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

// The table at its narrowest, in rem (measured: 758 px at 16 px): the time and the author on one
// line each, a change's sentence at its minimum width. Beside less room the table becomes a list.
const TABLE_MIN_WIDTH_REM = 48;

/** Every settings change of the space, newest first (SPEC §9 audit log), in words. */
export function HistoryTab({ spaceId, shown }: { spaceId: string; shown: boolean }) {
  // A table is too wide for a phone, or beside the open sidebar in a small window: there each
  // change is a list item, its time and author below.
  return (
    <Section
      id="change-history"
      heading="Change history"
      description="Every change to this space’s identifiers, rules, priority, mappings and default country, newest first, whether made here or through the API. Changes apply to events received afterwards."
    >
      <ListLayoutBox tableMinWidthRem={TABLE_MIN_WIDTH_REM}>
        {(listLayout) => <HistoryBody spaceId={spaceId} shown={shown} listLayout={listLayout} />}
      </ListLayoutBox>
    </Section>
  );
}

/**
 * What one entry says: its title, then each change on a line. Keys (64 characters) and display
 * names (50) have no space to break at: they wrap anywhere rather than widen the page on a phone.
 */
function ChangeDescription({ entry }: { entry: AuditEntry }) {
  const { title, changes } = describeAuditEntry(entry);
  return (
    <Box overflowWrap="anywhere">
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
  );
}

function HistoryBody({ spaceId, shown, listLayout }: { spaceId: string; shown: boolean; listLayout: boolean }) {
  const tableName = useSectionHeadingId();
  const query = useInfiniteQuery(historyQueryOptions(spaceId));
  // The tab stays mounted once opened: coming back to it shows the changes made meanwhile (through
  // the API, or in another window), as opening it the first time would.
  // Only on coming back: while the tab stays in view it is not polled.
  const latest = useRef(query);
  latest.current = query;
  useEffect(() => {
    if (shown && latest.current.isStale) void latest.current.refetch();
  }, [shown]);
  // After Load older changes, focus goes to the first entry it brought (the button may be gone).
  const [firstLoaded, setFirstLoaded] = useState<number | null>(null);
  const focusOnMount = useCallback((element: HTMLElement | null) => element?.focus(), []);
  if (query.isPending) {
    return <TableSkeleton label="Loading the change history…" head={<TableHead />} rows={4} columns={3} />;
  }
  if (query.isError && !query.data) {
    return <QueryErrorState heading="The change history could not be loaded" query={query} />;
  }
  const entries = query.data.flatMap((page) => page.entries);
  if (entries.length === 0) return <Paragraph>No changes yet.</Paragraph>;
  const focusProps = (index: number) => (index === firstLoaded ? { ref: focusOnMount, tabIndex: -1 } : {});
  return (
    <Box display="flex" flexDirection="column" rowGap="space50">
      {listLayout ? (
        <PhoneList ordered aria-label="Changes, newest first">
          {entries.map((entry, index) => (
            <PhoneListItem key={entry.id} {...focusProps(index)}>
              <ChangeDescription entry={entry} />
              <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginTop="space30">
                <DateTime value={entry.at} seconds /> · {describeActor(entry.actor)}
              </Text>
            </PhoneListItem>
          ))}
        </PhoneList>
      ) : (
        <HorizontalScroll label="Change history table">
          <Table aria-labelledby={tableName}>
            <TableHead />
            <TBody>
              {entries.map((entry, index) => (
                <Tr key={entry.id} verticalAlign="top" {...focusProps(index)}>
                  <Td whiteSpace="nowrap">
                    <DateTime value={entry.at} seconds />
                  </Td>
                  <Td whiteSpace="nowrap">{describeActor(entry.actor)}</Td>
                  <Td>
                    {/* Room for a change to read as a sentence. */}
                    <Box minWidth="size30">
                      <ChangeDescription entry={entry} />
                    </Box>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </HorizontalScroll>
      )}
      {query.isError ? <QueryErrorState heading="More changes could not be loaded" query={query} /> : null}
      {query.hasNextPage ? (
        <Box>
          <Button
            variant="secondary"
            onClick={async () => {
              const loaded = entries.length;
              const result = await query.fetchNextPage();
              if (!result.isError) setFirstLoaded(loaded);
            }}
            loading={query.isFetchingNextPage}
          >
            Load older changes
          </Button>
        </Box>
      ) : (
        <Text as="p" color="colorTextWeak" fontSize="fontSize20">
          {`${wholeListCount(entries.length, 'change')} of this space.`}
        </Text>
      )}
    </Box>
  );
}
