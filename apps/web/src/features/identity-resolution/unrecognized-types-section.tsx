import type { UnrecognizedIdentifierType } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { Paragraph } from '@twilio-paste/paragraph';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { useState } from 'react';
import { DateTime } from '../../components/date-time.tsx';
import { QueryErrorState } from '../../components/error-state.tsx';
import { FormErrorAlert } from '../../components/form-alerts.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { useSectionHeadingId } from '../../components/section.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useToast } from '../../components/toast.tsx';
import { ApiError } from '../../lib/errors.ts';
import { focusWhenPresent } from '../../lib/focus-when-present.ts';
import { identifierCapReason, identifiersQueryOptions, isAtIdentifierCap } from '../../lib/identifiers-query.ts';
import { useOneAtATime } from '../../lib/use-one-at-a-time.ts';
import { unrecognizedTypesQueryOptions, useCreateIdentifier } from './identity-resolution-queries.ts';

function TableHead() {
  return (
    <THead>
      <Tr>
        <Th>Type</Th>
        <Th textAlign="right">Events</Th>
        <Th>First seen</Th>
        <Th>Last seen</Th>
        <Th textAlign="right">
          <ScreenReaderOnly>Actions</ScreenReaderOnly>
        </Th>
      </Tr>
    </THead>
  );
}

/** External-id types seen in events that match no identifier, with a one-click add (SPEC §5.2). */
export function UnrecognizedTypesSection({ spaceId }: { spaceId: string }) {
  const tableName = useSectionHeadingId();
  const query = useQuery(unrecognizedTypesQueryOptions(spaceId));
  // The priority table above loads the same list; at the cap the server refuses one more.
  const full = isAtIdentifierCap(useQuery(identifiersQueryOptions(spaceId)).data);
  const create = useCreateIdentifier(spaceId);
  const toast = useToast();
  const [adding, setAdding] = useState<string | null>(null);
  const [addError, setAddError] = useState<unknown>(null);
  // Once a type is added its row goes, and the focus with it to the top of the page: it goes to
  // the next type's Add button (or the one above), else to the new identifier's Edit rules.
  function focusAfterAdding(type: string, created: string): void {
    const addable = (query.data?.types ?? []).filter((candidate) => candidate.addable);
    const index = addable.findIndex((candidate) => candidate.type === type);
    const neighbour = addable[index + 1] ?? addable[index - 1];
    const label = neighbour ? `Add ${neighbour.type} as identifier` : `Edit rules for ${created}`;
    focusWhenPresent(() => document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(label)}"]`));
  }

  // A double click would add the type twice, the second answering 409 as if someone else had.
  const add = useOneAtATime(async (type: UnrecognizedIdentifierType) => {
    setAdding(type.type);
    setAddError(null);
    try {
      // No If-Match: adding a key does not depend on the rest of the listing, and a key added
      // meanwhile answers 409, which is explained below.
      const created = await create.mutateAsync({ input: { key: type.type } });
      focusAfterAdding(type.type, created.key);
      toast(
        `${created.key} added as ${created.kind === 'custom' ? 'a custom' : 'a built-in'} identifier at priority ${created.priority}. Events received from now on are matched on it.`,
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'identifier_exists') {
        setAddError(
          new Error(`${type.type} is already an identifier: someone added it meanwhile. The list has been refreshed.`),
        );
        void query.refetch();
      } else {
        setAddError(error);
      }
    } finally {
      setAdding(null);
    }
  });

  if (query.isPending) {
    return (
      <HorizontalScroll label="Unrecognized identifier types table">
        <TableSkeleton label="Loading unrecognized identifier types…" head={<TableHead />} rows={2} columns={5} />
      </HorizontalScroll>
    );
  }
  if (query.isLoadingError) {
    return <QueryErrorState heading="The unrecognized identifier types could not be loaded" query={query} />;
  }
  const { types } = query.data;
  if (types.length === 0) {
    return (
      // The section's introduction says what would be listed here; a type just added as an
      // identifier leaves the list too, so "none seen" would not be true.
      <Paragraph>None: every type seen so far matches an identifier.</Paragraph>
    );
  }
  const invalid = types.some((type) => !type.addable);
  return (
    <Box display="flex" flexDirection="column" rowGap="space50">
      <FormErrorAlert error={addError} />
      {full ? (
        <Paragraph marginBottom="space0">{identifierCapReason('delete one to add one of these types')}</Paragraph>
      ) : null}
      {invalid ? (
        <Paragraph marginBottom="space0">
          Types marked “Not a valid identifier key” cannot be added as they are: identifier keys use lowercase letters,
          digits, “_” and “.”, start with a letter and have at most 64 characters. Send those IDs under a valid type to
          use them.
        </Paragraph>
      ) : null}
      <HorizontalScroll label="Unrecognized identifier types table">
        <Table aria-labelledby={tableName}>
          <TableHead />
          <TBody>
            {types.map((type) => (
              <Tr key={type.type}>
                <Td>
                  <Text as="span" fontFamily="fontFamilyCode" whiteSpace="nowrap">
                    {type.type}
                  </Text>
                </Td>
                <Td textAlign="right">{type.eventCount.toLocaleString()}</Td>
                <Td whiteSpace="nowrap">
                  <DateTime value={type.firstSeenAt} />
                </Td>
                <Td whiteSpace="nowrap">
                  <DateTime value={type.lastSeenAt} />
                </Td>
                <Td textAlign="right" whiteSpace="nowrap">
                  {type.addable ? (
                    <Button
                      variant="secondary"
                      size="small"
                      aria-label={`Add ${type.type} as identifier`}
                      loading={adding === type.type}
                      disabled={full || (adding !== null && adding !== type.type)}
                      onClick={() => void add(type)}
                    >
                      <PlusIcon decorative />
                      Add as identifier
                    </Button>
                  ) : (
                    <Text as="span" color="colorTextWeak" fontSize="fontSize20">
                      Not a valid identifier key
                    </Text>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </HorizontalScroll>
    </Box>
  );
}
