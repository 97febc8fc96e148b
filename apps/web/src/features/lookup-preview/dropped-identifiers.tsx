import type { Normalization, ResolutionResult } from '@idr/contracts';
import { Badge } from '@twilio-paste/badge';
import { Box } from '@twilio-paste/box';
import { Paragraph } from '@twilio-paste/paragraph';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { Fact, Facts } from '../../components/facts.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { ListLayoutBox } from '../../components/list-layout-box.tsx';
import { PhoneList, PhoneListItem } from '../../components/phone-list.tsx';
import { demotionCauses, demotionExplanation, dropReasonText } from './lookup-preview.ts';
import { Code } from './profile-card.tsx';

/** An identifier by its display name, with its key below when the two differ. */
export function IdentifierName({
  keyName,
  displayNames,
}: {
  keyName: string;
  displayNames: ReadonlyMap<string, string>;
}) {
  const displayName = displayNames.get(keyName);
  if (!displayName || displayName === keyName) return <Code>{keyName}</Code>;
  return (
    <>
      <Text as="span" display="block">
        {displayName}
      </Text>
      <Text as="span" color="colorTextWeak" fontFamily="fontFamilyCode" fontSize="fontSize20">
        {keyName}
      </Text>
    </>
  );
}

interface DroppedIdentifiersProps {
  result: ResolutionResult;
  displayNames: ReadonlyMap<string, string>;
  normalizations: ReadonlyMap<string, Normalization>;
}

// Below this room (in rem: 896 px at 16 px) the explanation column of the table is squeezed to a
// few words a line beside the Identifier and Value columns, as beside the open sidebar at 1024 px.
const TABLE_MIN_WIDTH_REM = 56;

/**
 * The values a preview would drop, each with why in words. A table where there is room; where
 * there is not (a phone, or beside the open sidebar in a small window) the explanation, often
 * several sentences, would be a column of a few words per line, so there each value is a list
 * item with its explanation below at the full width (as the change history).
 */
export function DroppedIdentifiers(props: DroppedIdentifiersProps) {
  return (
    <ListLayoutBox tableMinWidthRem={TABLE_MIN_WIDTH_REM}>
      {(listLayout) => <DroppedIdentifiersContent {...props} listLayout={listLayout} />}
    </ListLayoutBox>
  );
}

function DroppedIdentifiersContent({
  result,
  displayNames,
  normalizations,
  listLayout,
}: DroppedIdentifiersProps & { listLayout: boolean }) {
  if (result.droppedIdentifiers.length === 0) {
    return <Paragraph marginBottom="space0">None: every identifier value of the event would be used.</Paragraph>;
  }
  const causes = demotionCauses(result);
  const rows = result.droppedIdentifiers.map((dropped, position) => {
    const reason = dropReasonText(dropped.reason, normalizations.get(dropped.key));
    const cause = causes.get(position);
    return {
      id: `${dropped.key}\u0000${dropped.value}\u0000${dropped.reason}`,
      dropped,
      label: reason.label,
      explanation: cause ? demotionExplanation(cause) : reason.explanation,
    };
  });
  const why = (row: (typeof rows)[number]) => (
    <>
      <Badge as="span" variant="warning">
        {row.label}
      </Badge>
      <Text as="span" display="block" marginTop="space20">
        {row.explanation}
      </Text>
    </>
  );

  if (listLayout) {
    return (
      <PhoneList>
        {rows.map((row) => (
          <PhoneListItem key={row.id}>
            <Facts>
              <Fact term="Identifier">
                <IdentifierName keyName={row.dropped.key} displayNames={displayNames} />
              </Fact>
              <Fact term="Value">
                <Code>{row.dropped.value}</Code>
              </Fact>
            </Facts>
            <Box marginTop="space40">{why(row)}</Box>
          </PhoneListItem>
        ))}
      </PhoneList>
    );
  }

  return (
    <HorizontalScroll label="Dropped identifiers table">
      <Table>
        <THead>
          <Tr>
            <Th width="size20">Identifier</Th>
            <Th width="size30">Value</Th>
            <Th>Why it was dropped</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td>
                <IdentifierName keyName={row.dropped.key} displayNames={displayNames} />
              </Td>
              <Td>
                <Code noWrap>{row.dropped.value}</Code>
              </Td>
              <Td>{why(row)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </HorizontalScroll>
  );
}
