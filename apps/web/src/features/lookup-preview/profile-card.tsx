import type { Profile, ProfileEvent } from '@idr/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge } from '@twilio-paste/badge';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Card } from '@twilio-paste/card';
import { Heading } from '@twilio-paste/heading';
import { Paragraph } from '@twilio-paste/paragraph';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import type { ReactNode } from 'react';
import { DateTime } from '../../components/date-time.tsx';
import { ErrorState, QueryErrorState } from '../../components/error-state.tsx';
import { Fact, Facts } from '../../components/facts.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { PhoneList, PhoneListItem } from '../../components/phone-list.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useNarrowViewport } from '../../components/use-narrow-viewport.ts';
import { WrappingText } from '../../components/wrapping-text.tsx';
import { wholeListCount } from '../../lib/labels.ts';
import { formatTraitValue, OUTCOME_TEXT, sortByPriority } from './lookup-preview.ts';
import { profileEventsQueryOptions } from './lookup-preview-queries.ts';

type HeadingLevel = 'h3' | 'h4' | 'h5';
const SUB_HEADING: Record<HeadingLevel, 'h4' | 'h5' | 'h6'> = { h3: 'h4', h4: 'h5', h5: 'h6' };

interface ProfileCardProps {
  spaceId: string;
  profile: Profile;
  /** Identifier key → priority (1 is the highest), to list the values in priority order. */
  priorities: ReadonlyMap<string, number>;
  /** Level of the card's heading; its parts use the next level. */
  headingAs?: HeadingLevel;
  /** Whether to list the profile's recent events. */
  showEvents?: boolean;
  /** The value a lookup found the profile by: marked among its identifier values. */
  matched?: { key: string; value: string };
}

/** Whether a held value is the one a lookup found the profile by. */
function isMatched(identifier: Profile['identifiers'][number], matched: ProfileCardProps['matched']): boolean {
  return matched !== undefined && identifier.key === matched.key && identifier.value === matched.value;
}

/** Beside the value a lookup found the profile by, so an agent sees at once why this profile came back. */
function MatchedBadge() {
  return (
    <Badge as="span" variant="success">
      Matched this lookup
    </Badge>
  );
}

/**
 * A value in code style. In running text and facts a long value (a profile id) may break anywhere
 * to fit the card; `noWrap` keeps it whole on one line, for table cells, whose table scrolls
 * sideways instead: an email address or phone number broken mid-value is hard to read.
 */
export function Code({ children, noWrap = false }: { children: ReactNode; noWrap?: boolean }) {
  return (
    <Text
      as="code"
      fontFamily="fontFamilyCode"
      fontSize="fontSize30"
      {...(noWrap ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all' })}
    >
      {children}
    </Text>
  );
}

/** Profile ids one per line, unbulleted. */
export function IdList({ ids }: { ids: readonly string[] }) {
  return (
    <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
      {ids.map((id) => (
        <Box as="li" key={id}>
          <Code>{id}</Code>
        </Box>
      ))}
    </Box>
  );
}

/** The name an agent knows an identifier by, with its key below when the two differ. */
function IdentifierName({ identifier }: { identifier: Profile['identifiers'][number] }) {
  return (
    <>
      <Text as="span" display="block">
        {identifier.displayName}
      </Text>
      {identifier.displayName === identifier.key ? null : (
        <Text as="span" color="colorTextWeak" fontFamily="fontFamilyCode" fontSize="fontSize20" whiteSpace="nowrap">
          {identifier.key}
        </Text>
      )}
    </>
  );
}

/**
 * The profile's identifier values in priority order: a table, or on a phone (where the table
 * would scroll sideways to reach the values) a list with each value at the screen's width.
 */
function IdentifierValues({
  identifiers,
  matched,
}: {
  identifiers: Profile['identifiers'];
  matched: ProfileCardProps['matched'];
}) {
  const narrow = useNarrowViewport();
  const rowKey = (identifier: Profile['identifiers'][number]) => `${identifier.key}\u0000${identifier.value}`;
  if (narrow) {
    return (
      <PhoneList aria-label="Identifier values">
        {identifiers.map((identifier) => (
          <PhoneListItem key={rowKey(identifier)}>
            <Box marginBottom="space30">
              <IdentifierName identifier={identifier} />
            </Box>
            <Facts>
              <Fact term="Value">
                <Code>{identifier.value}</Code>
                {isMatched(identifier, matched) ? (
                  <Box marginTop="space20">
                    <MatchedBadge />
                  </Box>
                ) : null}
              </Fact>
              <Fact term="First seen">
                <DateTime value={identifier.firstSeenAt} seconds />
              </Fact>
            </Facts>
          </PhoneListItem>
        ))}
      </PhoneList>
    );
  }
  return (
    <HorizontalScroll label="Identifier values table">
      <Table aria-label="Identifier values">
        <THead>
          <Tr>
            <Th>Identifier</Th>
            <Th>Value</Th>
            <Th>First seen</Th>
          </Tr>
        </THead>
        <TBody>
          {identifiers.map((identifier) => (
            <Tr key={rowKey(identifier)}>
              <Td>
                <IdentifierName identifier={identifier} />
              </Td>
              <Td>
                <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20">
                  <Code noWrap>{identifier.value}</Code>
                  {isMatched(identifier, matched) ? <MatchedBadge /> : null}
                </Box>
              </Td>
              <Td whiteSpace="nowrap">
                <DateTime value={identifier.firstSeenAt} seconds />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </HorizontalScroll>
  );
}

/** The customer's name as the `name` trait gives it (Segment's reserved trait), if it is text. */
function customerName(traits: Profile['traits']): string | null {
  const name = Object.hasOwn(traits, 'name') ? traits.name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** A customer profile as an agent would see it, with how it came to be (SPEC §8). */
export function ProfileCard({
  spaceId,
  profile,
  priorities,
  headingAs = 'h3',
  showEvents = true,
  matched,
}: ProfileCardProps) {
  const sub = SUB_HEADING[headingAs];
  const identifiers = sortByPriority(profile.identifiers, priorities);
  const traits = Object.entries(profile.traits).sort(([a], [b]) => a.localeCompare(b));
  const headingId = `profile-${profile.id}-${headingAs}`;
  const name = customerName(profile.traits);
  return (
    <Card padding="space80" aria-labelledby={headingId}>
      <Heading as={headingAs} variant="heading40" id={headingId}>
        Profile <Code>{profile.id}</Code>
      </Heading>
      <Box marginBottom="space70">
        <Facts>
          {/* Who the agent is talking to, first: the `name` trait when the profile's events sent one. */}
          {name ? <Fact term="Name">{name}</Fact> : null}
          <Fact term="Created">
            <DateTime value={profile.createdAt} seconds />
          </Fact>
          <Fact term="Updated">
            <DateTime value={profile.updatedAt} seconds />
          </Fact>
          <Fact term="Merges">
            {profile.mergeCount === 0
              ? 'None: no other profile was merged into this one'
              : `${profile.mergeCount} ${profile.mergeCount === 1 ? 'profile' : 'profiles'} merged into this one`}
          </Fact>
          {profile.mergedFrom.length > 0 ? (
            <Fact term="Merged from">
              <IdList ids={profile.mergedFrom} />
            </Fact>
          ) : null}
        </Facts>
      </Box>

      <Heading as={sub} variant="heading50">
        Identifiers
      </Heading>
      {identifiers.length === 0 ? (
        <Paragraph>This profile holds no identifier values.</Paragraph>
      ) : (
        <Box marginBottom="space70">
          <IdentifierValues identifiers={identifiers} matched={matched} />
        </Box>
      )}

      <Heading as={sub} variant="heading50">
        Traits
      </Heading>
      {traits.length === 0 ? (
        <Paragraph>No traits yet.</Paragraph>
      ) : (
        <Box marginBottom="space70">
          {/* A trait named like an identifier (email) may hold a value the identifiers above do not:
              one that was demoted or blocked. Said here, so that an agent does not take it for one. */}
          <Paragraph>
            The newest value of each trait the profile’s events sent. Traits are not identifiers: profiles are not found
            or matched by them.
          </Paragraph>
          <HorizontalScroll label="Traits table">
            <Table aria-label="Traits">
              <THead>
                <Tr>
                  <Th>Trait</Th>
                  <Th>Value</Th>
                </Tr>
              </THead>
              <TBody>
                {traits.map(([name, value]) => (
                  <Tr key={name}>
                    <Td>
                      <Code noWrap>{name}</Code>
                    </Td>
                    <Td>
                      <Text as="span" wordBreak="break-word">
                        {formatTraitValue(value)}
                      </Text>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </HorizontalScroll>
        </Box>
      )}

      {showEvents ? (
        <>
          <Heading as={sub} variant="heading50">
            Recent events
          </Heading>
          <ProfileEvents spaceId={spaceId} profileId={profile.id} />
        </>
      ) : null}
    </Card>
  );
}

function EventsHead() {
  return (
    <THead>
      <Tr>
        <Th>Received</Th>
        <Th>Type</Th>
        <Th>Outcome</Th>
        <Th>Message ID</Th>
      </Tr>
    </THead>
  );
}

function eventName(event: ProfileEvent): string | null {
  const name = event.payload.event;
  return typeof name === 'string' && name !== '' ? name : null;
}

/** What an event was: its type in code, and the name of a track event. */
function EventKind({ event }: { event: ProfileEvent }) {
  const name = eventName(event);
  return (
    <>
      <Code noWrap>{event.type}</Code>
      {name ? <Text as="span">{` “${name}”`}</Text> : null}
    </>
  );
}

function OutcomeBadge({ event }: { event: ProfileEvent }) {
  const outcome = OUTCOME_TEXT[event.outcome];
  return (
    <Badge as="span" variant={outcome.variant}>
      {outcome.label}
    </Badge>
  );
}

/** The events shown so far, newest first: a table, or on a phone a list (as the identifier values). */
function EventRows({ events }: { events: readonly ProfileEvent[] }) {
  const narrow = useNarrowViewport();
  if (narrow) {
    return (
      <PhoneList ordered aria-label="Recent events">
        {events.map((event) => (
          <PhoneListItem key={event.id}>
            <Box
              display="flex"
              flexWrap="wrap"
              alignItems="center"
              columnGap="space30"
              rowGap="space20"
              marginBottom="space30"
            >
              <Box minWidth="0">
                <EventKind event={event} />
              </Box>
              <OutcomeBadge event={event} />
            </Box>
            <Facts>
              <Fact term="Received">
                <DateTime value={event.receivedAt} seconds />
              </Fact>
              <Fact term="Message ID">
                <Code>{event.messageId}</Code>
              </Fact>
            </Facts>
          </PhoneListItem>
        ))}
      </PhoneList>
    );
  }
  return (
    <HorizontalScroll label="Recent events table">
      <Table aria-label="Recent events">
        <EventsHead />
        <TBody>
          {events.map((event) => (
            <Tr key={event.id}>
              <Td whiteSpace="nowrap">
                <DateTime value={event.receivedAt} seconds />
              </Td>
              <Td>
                <EventKind event={event} />
              </Td>
              <Td>
                <OutcomeBadge event={event} />
              </Td>
              {/* Ids wrap (after their hyphens where they can): kept whole on one line, a generated
                  id alone pushed the table past the card beside the open sidebar at 1024 px. */}
              <Td>
                <Box minWidth="size10">
                  <WrappingText fontFamily="fontFamilyCode" fontSize="fontSize30">
                    {event.messageId}
                  </WrappingText>
                </Box>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </HorizontalScroll>
  );
}

/** The first page of a profile's events (newest first) and Load more. */
function ProfileEvents({ spaceId, profileId }: { spaceId: string; profileId: string }) {
  const query = useInfiniteQuery(profileEventsQueryOptions(spaceId, profileId));
  // A failed "Load more" keeps the pages already shown (the query is in error, its data stays).
  const pages = query.data;
  const error = query.error;

  if (pages === undefined && !error) {
    return (
      <HorizontalScroll label="Recent events table">
        <TableSkeleton label="Loading events…" head={<EventsHead />} rows={2} columns={4} />
      </HorizontalScroll>
    );
  }
  if (pages === undefined) {
    return <QueryErrorState heading="The events of this profile could not be loaded" query={query} />;
  }
  const events = pages.flatMap((page) => page.events);
  if (events.length === 0) {
    return (
      <Paragraph marginBottom="space0">
        No events on record: this profile was created by a lookup and no event has resolved to it since, or its events
        are older than the server keeps.
      </Paragraph>
    );
  }
  return (
    <>
      <EventRows events={events} />
      <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space40" rowGap="space30" marginTop="space40">
        {query.hasNextPage ? (
          <Button
            variant="secondary"
            size="small"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            Load more events
          </Button>
        ) : null}
        <Text as="span" color="colorTextWeak" fontSize="fontSize20">
          {query.hasNextPage
            ? `Showing the ${events.length} most recent events.`
            : // "On record": a server with IDR_EVENT_HISTORY_DAYS deletes older events.
              `${wholeListCount(events.length, 'event')} on record for this profile.`}
        </Text>
      </Box>
      {error && query.isFetchNextPageError ? (
        <Box marginTop="space40">
          <ErrorState
            heading="More events could not be loaded"
            error={error}
            onRetry={() => void query.fetchNextPage()}
          />
        </Box>
      ) : null}
    </>
  );
}
