import {
  type AddressType,
  type Identifier,
  mappedAddressType,
  type Normalization,
  normalizationFits,
} from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@twilio-paste/badge';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { EditIcon } from '@twilio-paste/icons/esm/EditIcon';
import { WarningIcon } from '@twilio-paste/icons/esm/WarningIcon';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { type ReactNode, useState } from 'react';
import { QueryErrorState } from '../../components/error-state.tsx';
import { Fact, Facts } from '../../components/facts.tsx';
import { FragmentLink } from '../../components/fragment-link.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { ListLayoutBox } from '../../components/list-layout-box.tsx';
import { NumberedListItem, PhoneList } from '../../components/phone-list.tsx';
import { useSectionHeadingId } from '../../components/section.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { WrappingText } from '../../components/wrapping-text.tsx';
import { identifiersQueryOptions } from '../../lib/identifiers-query.ts';
import { ADDRESS_TYPE_LABEL } from '../../lib/labels.ts';
import { EditIdentifierModal } from './edit-identifier-modal.tsx';

interface IdentifiersTableProps {
  spaceId: string;
  /** The space's address-type mappings, when known: shown as a badge on the mapped identifiers. */
  mappings?: Record<AddressType, string | null>;
  /** Where identifiers are added in the console (the Identity resolution tab), for the empty state. */
  addIdentifierHref: string;
}

function TableHead() {
  return (
    <THead>
      <Tr>
        <Th width="size10">Priority</Th>
        <Th>Identifier</Th>
        <Th>Display name</Th>
        <Th>Address type</Th>
        <Th textAlign="right" width="size20">
          <ScreenReaderOnly>Actions</ScreenReaderOnly>
        </Th>
      </Tr>
    </THead>
  );
}

// Keys and display names wrap within these bounds, as on the Identity resolution tab: with both
// columns at most this wide, Priority, Address type and Edit still fit the page's 1128 px in a
// 1440 px window; a narrower page squeezes them down to the minimum, then shows the list instead.
const NAME_MIN_WIDTH = 'size20';
const NAME_MAX_WIDTH = 'size30';

/** The empty space: where to add identifiers, one by one or from another space's settings file. */
function NoIdentifiersCallout({ addIdentifierHref }: { addIdentifierHref: string }) {
  return (
    <Callout variant="neutral">
      <CalloutHeading as="h3">This space has no identifiers yet</CalloutHeading>
      <CalloutText>
        Without identifiers, incoming events cannot be matched to customer profiles. Add identifiers such as{' '}
        <Code>user_id</Code>, <Code>email</Code> and <Code>phone</Code> with Add identifier on the{' '}
        <FragmentLink href={addIdentifierHref}>Identity resolution tab</FragmentLink>. They will be listed here in
        priority order.
      </CalloutText>
      <CalloutText>
        To start from another space’s identifiers, export its settings there and use Import settings… on the same tab.
      </CalloutText>
    </Callout>
  );
}

/** Code in running text; a long path (a long space id) wraps rather than widening the page. */
function Code({ children }: { children: NonNullable<ReactNode> }) {
  return (
    <Text as="code" fontFamily="fontFamilyCode" overflowWrap="anywhere">
      {children}
    </Text>
  );
}

/**
 * SPEC §4: an address type may be mapped to an identifier whose normalization does not suit it,
 * but lookups then search for values in a form the identifier never stores.
 */
function normalizationMismatch(addressType: AddressType, normalization: Normalization): string | null {
  if (normalizationFits(addressType, normalization)) return null;
  const searched = addressType === 'phone' ? 'E.164 values' : 'trimmed, lowercase values';
  return `Normalization is “${normalization}”: ${addressType} lookups will not match ${searched}.`;
}

/** The address type mapped to an identifier, marked with a warning when its normalization does not suit it. */
function AddressTypeBadge({ addressType, normalization }: { addressType: AddressType; normalization: Normalization }) {
  const mismatch = normalizationMismatch(addressType, normalization);
  if (!mismatch) {
    return (
      <Badge as="span" variant="neutral">
        {ADDRESS_TYPE_LABEL[addressType]}
      </Badge>
    );
  }
  // The title shows the reason on hover; screen readers get it as part of the badge's text.
  return (
    <Badge as="span" variant="warning" title={mismatch}>
      <WarningIcon decorative />
      {ADDRESS_TYPE_LABEL[addressType]}
      <ScreenReaderOnly>{` Warning: ${mismatch}`}</ScreenReaderOnly>
    </Badge>
  );
}

/** The Address type column: the mapped type's badge, or a dash that reads "not mapped". */
function AddressTypeValue({
  addressType,
  normalization,
}: {
  addressType: AddressType | null;
  normalization: Normalization;
}) {
  if (addressType) return <AddressTypeBadge addressType={addressType} normalization={normalization} />;
  return (
    <Text as="span" color="colorTextWeak">
      —<ScreenReaderOnly>not mapped</ScreenReaderOnly>
    </Text>
  );
}

function EditButton({ identifierKey, onClick }: { identifierKey: string; onClick: () => void }) {
  return (
    <Button variant="secondary" size="small" aria-label={`Edit identifier ${identifierKey}`} onClick={onClick}>
      <EditIcon decorative />
      Edit
    </Button>
  );
}

interface IdentifierRowContent {
  identifier: Identifier;
  addressType: AddressType | null;
  edit: ReactNode;
}

/**
 * The identifiers as a list (on a phone, or beside the open sidebar in a small window), in priority
 * order, laid out as the priority order's list: each key beside its priority, its display name and
 * address type below, and Edit last.
 */
function IdentifierList({ rows, labelledBy }: { rows: readonly IdentifierRowContent[]; labelledBy?: string }) {
  return (
    <PhoneList ordered aria-labelledby={labelledBy}>
      {rows.map(({ identifier, addressType, edit }) => (
        <NumberedListItem
          key={identifier.key}
          number={
            <>
              <ScreenReaderOnly>Priority </ScreenReaderOnly>
              {identifier.priority}
            </>
          }
          title={<WrappingText fontFamily="fontFamilyCode">{identifier.key}</WrappingText>}
          actions={edit}
        >
          <Facts>
            <Fact term="Display name">
              <WrappingText>{identifier.displayName}</WrappingText>
            </Fact>
            <Fact term="Address type">
              <AddressTypeValue addressType={addressType} normalization={identifier.normalization} />
            </Fact>
          </Facts>
        </NumberedListItem>
      ))}
    </PhoneList>
  );
}

// The table at its narrowest, in rem (measured: 760 px with the preset's identifiers at 16 px),
// with room for a mapped identifier's warning badge. Beside less room the table becomes a list.
const TABLE_MIN_WIDTH_REM = 50;

/** The identifiers of a space in priority order, each with an Edit identifier action (SPEC §3). */
export function IdentifiersTable(props: IdentifiersTableProps) {
  // Where the table would scroll sideways to reach Address type and Edit (on a phone, or beside
  // the open sidebar in a small window): a list instead.
  return (
    <ListLayoutBox tableMinWidthRem={TABLE_MIN_WIDTH_REM}>
      {(listLayout) => <IdentifiersTableContent {...props} listLayout={listLayout} />}
    </ListLayoutBox>
  );
}

function IdentifiersTableContent({
  spaceId,
  mappings,
  addIdentifierHref,
  listLayout,
}: IdentifiersTableProps & { listLayout: boolean }) {
  const tableName = useSectionHeadingId();
  const query = useQuery(identifiersQueryOptions(spaceId));
  const [editingKey, setEditingKey] = useState<string | null>(null);

  if (query.isPending) {
    return (
      <HorizontalScroll label="Identifiers table">
        <TableSkeleton label="Loading identifiers…" head={<TableHead />} rows={4} columns={5} />
      </HorizontalScroll>
    );
  }

  if (query.isLoadingError) {
    return <QueryErrorState heading="The identifiers could not be loaded" query={query} />;
  }

  const { identifiers, version } = query.data;
  if (identifiers.length === 0) {
    return <NoIdentifiersCallout addIdentifierHref={addIdentifierHref} />;
  }

  const editing = identifiers.find((identifier) => identifier.key === editingKey);
  const rows = identifiers.map((identifier: Identifier) => ({
    identifier,
    addressType: mappedAddressType(mappings, identifier.key),
    edit: <EditButton identifierKey={identifier.key} onClick={() => setEditingKey(identifier.key)} />,
  }));

  return (
    <>
      {listLayout ? (
        <IdentifierList rows={rows} labelledBy={tableName} />
      ) : (
        <HorizontalScroll label="Identifiers table">
          <Table aria-labelledby={tableName}>
            <TableHead />
            <TBody>
              {rows.map(({ identifier, addressType, edit }) => (
                <Tr key={identifier.key}>
                  <Td>{identifier.priority}</Td>
                  {/* Keys (up to 64 characters) and display names wrap, so the Edit action stays in view. */}
                  <Td>
                    <Box minWidth={NAME_MIN_WIDTH} maxWidth={NAME_MAX_WIDTH}>
                      <WrappingText fontFamily="fontFamilyCode">{identifier.key}</WrappingText>
                    </Box>
                  </Td>
                  <Td>
                    <Box minWidth={NAME_MIN_WIDTH} maxWidth={NAME_MAX_WIDTH}>
                      <WrappingText>{identifier.displayName}</WrappingText>
                    </Box>
                  </Td>
                  <Td whiteSpace="nowrap">
                    <AddressTypeValue addressType={addressType} normalization={identifier.normalization} />
                  </Td>
                  <Td textAlign="right" whiteSpace="nowrap">
                    {edit}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </HorizontalScroll>
      )}
      {editing ? (
        <EditIdentifierModal
          key={editing.key}
          spaceId={spaceId}
          identifier={editing}
          version={version}
          onClose={() => setEditingKey(null)}
        />
      ) : null}
    </>
  );
}
