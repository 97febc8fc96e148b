import type { Identifier, IdentifierList } from '@idr/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge } from '@twilio-paste/badge';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { ArrowDownIcon } from '@twilio-paste/icons/esm/ArrowDownIcon';
import { ArrowUpIcon } from '@twilio-paste/icons/esm/ArrowUpIcon';
import { DeleteIcon } from '@twilio-paste/icons/esm/DeleteIcon';
import { EditIcon } from '@twilio-paste/icons/esm/EditIcon';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { useEffect, useRef, useState } from 'react';
import { Fact, Facts } from '../../components/facts.tsx';
import { ConflictNotice, FormErrorAlert } from '../../components/form-alerts.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { ListLayoutBox } from '../../components/list-layout-box.tsx';
import { NumberedListItem, PhoneList } from '../../components/phone-list.tsx';
import { useSectionHeadingId } from '../../components/section.tsx';
import { useToast } from '../../components/toast.tsx';
import { WrappingText } from '../../components/wrapping-text.tsx';
import { isVersionConflict } from '../../lib/errors.ts';
import { focusWhenPresent, refocusWhenLost } from '../../lib/focus-when-present.ts';
import { identifierCapReason, identifiersQueryOptions, isAtIdentifierCap } from '../../lib/identifiers-query.ts';
import { shortLimit } from '../../lib/labels.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { saveRebasing } from '../../lib/rebase.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useOneAtATime } from '../../lib/use-one-at-a-time.ts';
import type { ReloadMode } from '../../lib/use-save-status.ts';
import { AddIdentifierModal } from './add-identifier-modal.tsx';
import { blockedValuesPreview } from './blocked-values-preview.ts';
import { DeleteIdentifierDialog } from './delete-identifier-dialog.tsx';
import { EditRulesModal } from './edit-rules-modal.tsx';
import { useReorderIdentifiers } from './identity-resolution-queries.ts';
import { describeOrderChange, moveKey, NORMALIZATIONS, rebaseOrder } from './rules-form.ts';

interface Base {
  keys: string[];
  version: number;
}

type Dialog = { type: 'edit'; key: string } | { type: 'delete'; key: string } | { type: 'add' } | null;

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** Keys of `b` that are also in `a`, in the order of `b`. */
function commonOrder(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  return b.filter((key) => set.has(key));
}

interface MoveButton {
  key: string;
  direction: 'up' | 'down';
}

function moveButtonId(key: string, direction: MoveButton['direction']) {
  return `priority-move-${direction}-${key}`;
}

function deleteButtonId(key: string) {
  return `priority-delete-${key}`;
}

/** Save order and Discard changes as a bar stuck to the bottom of the window. */
const UNSAVED_BAR = {
  position: 'sticky',
  bottom: 'space0',
  zIndex: 'zIndex10',
  backgroundColor: 'colorBackgroundBody',
  paddingY: 'space40',
  borderTopStyle: 'solid',
  borderTopWidth: 'borderWidth10',
  borderTopColor: 'colorBorderWeaker',
} as const;

// The table at its narrowest, in rem (measured: 904 px with the preset's identifiers at 16 px, the
// Blocked values heading on two lines), with a little room to spare: it still shows beside the open
// sidebar in a 1180 px window. Beside less room than this the table becomes a list.
const TABLE_MIN_WIDTH_REM = 57;

/** The identifiers in priority order: reorder them, edit their rules, add and delete them. */
export function PriorityTable({
  spaceId,
  list,
  mappingsHref,
}: {
  spaceId: string;
  list: IdentifierList;
  /** The address-type mapping form, where a mapped identifier is unmapped before it is deleted. */
  mappingsHref: string;
}) {
  const tableName = useSectionHeadingId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useReorderIdentifiers(spaceId);
  const serverKeys = list.identifiers.map((identifier) => identifier.key);
  const [base, setBase] = useState<Base>({ keys: serverKeys, version: list.version });
  const [draft, setDraft] = useState<string[]>(serverKeys);
  const [conflict, setConflict] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [reloading, setReloading] = useState<false | ReloadMode>(false);
  // The other change a kept order overwrites when saved (after a 412 and Keep my changes).
  const [keptOver, setKeptOver] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const focusAfterMove = useRef<MoveButton | null>(null);

  const lastMoved = useRef<MoveButton | null>(null);
  const orderActions = useRef<HTMLDivElement>(null);
  const dirty = !sameOrder(draft, base.keys);
  useBeforeUnload(dirty, mutation.isPending);

  // Follow the server: an unchanged draft takes the new list as is; a changed one is rebased when
  // the server's own order did not move (an edit of rules, an added or deleted identifier), and is
  // left on its old version otherwise, so that saving answers 412 and the user decides.
  const serverSignature = `${list.version}:${serverKeys.join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the server's list changes
  useEffect(() => {
    if (conflict || list.version <= base.version) return;
    if (!dirty) {
      setBase({ keys: serverKeys, version: list.version });
      setDraft(serverKeys);
      return;
    }
    if (sameOrder(commonOrder(serverKeys, base.keys), commonOrder(base.keys, serverKeys))) {
      setBase({ keys: serverKeys, version: list.version });
      setDraft((current) => rebaseOrder(current, serverKeys));
    }
  }, [serverSignature]);

  useEffect(() => {
    const request = focusAfterMove.current;
    if (!request) return;
    focusAfterMove.current = null;
    const wanted = document.getElementById(moveButtonId(request.key, request.direction)) as HTMLButtonElement | null;
    const other = document.getElementById(
      moveButtonId(request.key, request.direction === 'up' ? 'down' : 'up'),
    ) as HTMLButtonElement | null;
    const target = wanted && !wanted.disabled ? wanted : other;
    target?.focus();
    // The button kept its focus while its row moved: the browser does not scroll to it then, and a
    // tall list item (the list layout) can carry it out of the window.
    target?.scrollIntoView({ block: 'nearest' });
  });

  const byKey = new Map(list.identifiers.map((identifier) => [identifier.key, identifier]));
  const rows = draft.map((key) => byKey.get(key)).filter((identifier): identifier is Identifier => !!identifier);

  function move(key: string, direction: 'up' | 'down') {
    const next = moveKey(draft, key, direction === 'up' ? -1 : 1);
    focusAfterMove.current = { key, direction };
    lastMoved.current = { key, direction };
    setDraft(next);
    setSaveError(null);
    setAnnouncement(`${key} moved to priority ${next.indexOf(key) + 1} of ${next.length}.`);
  }

  // A double click would send the order twice, the second answering 412 as if someone else had saved.
  const save = useOneAtATime(async () => {
    setSaveError(null);
    const active = document.activeElement;
    const refocus = active === null || active === document.body || orderActions.current?.contains(active) === true;
    const submitted = draft;
    try {
      // Another settings write that left the order as it was (e.g. a renamed identifier) is no
      // conflict with this one: saved again on the latest version (lib/rebase.ts).
      const saved = await saveRebasing(base, (version) => mutation.mutateAsync({ keys: draft, version }), {
        load: async () => {
          const fresh = await queryClient.fetchQuery({ ...identifiersQueryOptions(spaceId), staleTime: 0 });
          return { keys: fresh.identifiers.map((identifier) => identifier.key), version: fresh.version };
        },
        sameValues: (a, b) => sameOrder(a.keys, b.keys),
        adopt: setBase,
      });
      const keys = saved.identifiers.map((identifier) => identifier.key);
      setBase({ keys, version: saved.version });
      // Moves made while the save was on its way stay, as unsaved changes to the saved order.
      setDraft((current) => (sameOrder(current, submitted) ? keys : rebaseOrder(current, keys)));
      setKeptOver(null);
      focusLastMovedIfFocusLost();
      // The toast says it now; a move announced before the save would otherwise read as pending.
      setAnnouncement('');
      toast('Priority order saved. It applies to events received from now on.');
    } catch (error) {
      if (isVersionConflict(error)) {
        setKeptOver(null);
        setConflict(true);
      } else {
        setSaveError(error);
        // Save order is the first of the order's actions.
        if (refocus) refocusWhenLost(() => orderActions.current?.querySelector('button') ?? null);
      }
    }
  });

  function discard() {
    setSaveError(null);
    setKeptOver(null);
    setDraft(base.keys);
    focusLastMovedIfFocusLost();
    setAnnouncement('Priority order changes discarded.');
  }

  /**
   * Save order is disabled and Discard changes removed once the order is clean, which drops the
   * keyboard focus on the page: take it back to the identifier moved last, where the user was
   * working, unless it has gone somewhere else meanwhile.
   */
  function focusLastMovedIfFocusLost() {
    const active = document.activeElement;
    if (active && active !== document.body && !orderActions.current?.contains(active)) return;
    focusAfterMove.current = lastMoved.current;
  }

  // After a 412 the list holds the latest (the save fetched it): what the other change did.
  const theirs = conflict ? describeOrderChange(base.keys, serverKeys) : null;

  /** After a 412: the latest order (`theirs`), or the admin's order rebased on the latest list (`mine`). */
  async function reload(mode: ReloadMode) {
    setReloading(mode);
    setSaveError(null);
    try {
      await queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
      const fresh = await queryClient.fetchQuery(identifiersQueryOptions(spaceId));
      const keys = fresh.identifiers.map((identifier) => identifier.key);
      setBase({ keys, version: fresh.version });
      const next = mode === 'mine' ? rebaseOrder(draft, keys) : keys;
      setDraft(next);
      // What the kept order overwrites: their moves (identifiers they added or deleted stay so).
      setKeptOver(
        sameOrder(next, keys) ? null : describeOrderChange(commonOrder(keys, base.keys), commonOrder(base.keys, keys)),
      );
      setConflict(false);
    } catch (error) {
      setSaveError(error);
    } finally {
      setReloading(false);
    }
  }

  // The server refuses one more (so that an export always imports back): say so before the form.
  const full = isAtIdentifierCap(list);
  const editing = dialog?.type === 'edit' ? byKey.get(dialog.key) : undefined;
  const deleting = dialog?.type === 'delete' ? byKey.get(dialog.key) : undefined;
  const rowProps = (identifier: Identifier, index: number): RowProps => ({
    identifier,
    index,
    count: rows.length,
    was: base.keys.indexOf(identifier.key) + 1,
    locked: conflict,
    onMove: move,
    onEdit: () => setDialog({ type: 'edit', key: identifier.key }),
    onDelete: () => setDialog({ type: 'delete', key: identifier.key }),
  });

  // Where the table would scroll sideways to reach the rules and actions (on a phone, or beside
  // the open sidebar in a small window): a list instead.
  return (
    <ListLayoutBox tableMinWidthRem={TABLE_MIN_WIDTH_REM}>
      {(listLayout) => (
        // Not a Stack: it wraps each child in a box of its own, in which the sticky Save order bar could not move.
        <Box display="flex" flexDirection="column" rowGap="space60">
          <Box display="flex" flexWrap="wrap" columnGap="space40" rowGap="space30" alignItems="center">
            <Button
              variant="secondary"
              onClick={() => setDialog({ type: 'add' })}
              disabled={full}
              aria-describedby={full ? 'identifier-cap-hint' : undefined}
            >
              <PlusIcon decorative />
              Add identifier
            </Button>
            {full ? (
              <Text id="identifier-cap-hint" as="span" color="colorTextWeak" fontSize="fontSize20">
                {identifierCapReason('delete one to add another')}
              </Text>
            ) : null}
          </Box>
          <ConflictNotice
            status={{
              conflict,
              reloading,
              notSaved: 'Your priority order was not saved',
              theirs,
              keptOver: dirty ? keptOver : null,
              onReload: () => reload('theirs'),
              onKeepMine: () => reload('mine'),
            }}
          />
          {listLayout ? (
            <PhoneList ordered aria-labelledby={tableName}>
              {rows.map((identifier, index) => (
                <NumberedListItem
                  key={identifier.key}
                  number={
                    <>
                      <Position {...rowProps(identifier, index)} spoken />
                      <WasHint {...rowProps(identifier, index)} />
                    </>
                  }
                  title={<IdentifierSummary identifier={identifier} />}
                  placeControls={<MoveButtons {...rowProps(identifier, index)} />}
                  actions={<RuleActions {...rowProps(identifier, index)} />}
                >
                  <Facts>
                    <Fact term="Limit">{shortLimit(identifier.limit.count, identifier.limit.window)}</Fact>
                    <Fact term="Normalization">{NORMALIZATIONS[identifier.normalization].label}</Fact>
                    <Fact term="Blocked values">
                      <BlockedValuesSummary identifier={identifier} />
                    </Fact>
                  </Facts>
                </NumberedListItem>
              ))}
            </PhoneList>
          ) : (
            <HorizontalScroll label="Priority order table">
              <Table aria-labelledby={tableName}>
                <THead>
                  <Tr>
                    <Th width="size10">Priority</Th>
                    <Th>Identifier</Th>
                    <Th whiteSpace="nowrap">Limit</Th>
                    <Th whiteSpace="nowrap">Normalization</Th>
                    <Th>Blocked values</Th>
                    <Th textAlign="right">
                      <ScreenReaderOnly>Actions</ScreenReaderOnly>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {rows.map((identifier, index) => (
                    <Tr key={identifier.key}>
                      <Td whiteSpace="nowrap">
                        <Box display="flex" alignItems="center" columnGap="space30">
                          <Position {...rowProps(identifier, index)} />
                          <MoveButtons {...rowProps(identifier, index)} />
                        </Box>
                        <WasHint {...rowProps(identifier, index)} />
                      </Td>
                      <Td>
                        <Box minWidth={SUMMARY_MIN_WIDTH} maxWidth={SUMMARY_MAX_WIDTH}>
                          <IdentifierSummary identifier={identifier} />
                        </Box>
                      </Td>
                      <Td whiteSpace="nowrap">{shortLimit(identifier.limit.count, identifier.limit.window)}</Td>
                      <Td whiteSpace="nowrap">{NORMALIZATIONS[identifier.normalization].label}</Td>
                      <Td>
                        <BlockedValuesSummary identifier={identifier} />
                      </Td>
                      <Td textAlign="right" whiteSpace="nowrap">
                        <RuleActions {...rowProps(identifier, index)} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </HorizontalScroll>
          )}
          <ScreenReaderOnly>
            <output aria-live="polite">{announcement}</output>
          </ScreenReaderOnly>
          {/* Right above Save order, where the eye is when a save fails (a long list puts the top far away). */}
          <FormErrorAlert error={saveError} />
          <Box
            ref={orderActions}
            display="flex"
            flexWrap="wrap"
            columnGap="space40"
            rowGap="space30"
            alignItems="center"
            // With unsaved moves, Save order stays at the bottom of the window while the list scrolls:
            // in the list layout (or a long table) it would otherwise be far below the rows moved.
            {...(dirty && !conflict ? UNSAVED_BAR : {})}
          >
            <Button variant="primary" onClick={save} disabled={!dirty || conflict} loading={mutation.isPending}>
              Save order
            </Button>
            {dirty && !conflict ? (
              <Button variant="secondary" onClick={discard} disabled={mutation.isPending}>
                Discard changes
              </Button>
            ) : null}
            <Text as="span" color="colorTextWeak" fontSize="fontSize20">
              {dirty && !conflict
                ? 'You have unsaved changes to the priority order.'
                : 'Move identifiers up or down, then save the order.'}
            </Text>
          </Box>
          {editing ? (
            <EditRulesModal
              key={editing.key}
              spaceId={spaceId}
              identifier={editing}
              version={list.version}
              onClose={() => setDialog(null)}
            />
          ) : null}
          {deleting ? (
            <DeleteIdentifierDialog
              spaceId={spaceId}
              mappingsHref={mappingsHref}
              identifier={deleting}
              version={list.version}
              // The focus would fall to the top of the page with the deleted row: once that row is gone
              // (the closing dialog may first hand the focus back to its Delete button), it goes to the
              // Delete button of the row that takes its place (or the one above, for the last row).
              onDeleted={() => {
                const index = rows.indexOf(deleting);
                const next = (rows[index + 1] ?? rows[index - 1])?.key;
                if (next === undefined) return;
                focusWhenPresent(() =>
                  document.getElementById(deleteButtonId(deleting.key))
                    ? null
                    : document.getElementById(deleteButtonId(next)),
                );
              }}
              onClose={() => setDialog(null)}
            />
          ) : null}
          {dialog?.type === 'add' ? (
            <AddIdentifierModal spaceId={spaceId} list={list} onClose={() => setDialog(null)} />
          ) : null}
        </Box>
      )}
    </ListLayoutBox>
  );
}

// The identifier column wraps within these bounds: at most as wide as leaves the Priority, Limit,
// Normalization, Blocked values and action columns room at 1440 px; squeezed to the minimum when
// the table must fit a laptop's page with a long key (below that, the list shows instead).
const SUMMARY_MIN_WIDTH = 'size20';
const SUMMARY_MAX_WIDTH = 'size30';

/** One identifier of the order, with what its controls need. */
interface RowProps {
  identifier: Identifier;
  /** Its place in the draft order, from 0. */
  index: number;
  count: number;
  /** Its place in the saved order, from 1 (0: not in it). */
  was: number;
  /** After a 412 the order may not move until the admin chooses whose order to keep. */
  locked: boolean;
  onMove: (key: string, direction: 'up' | 'down') => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** The identifier's place in the order, in bold while it differs from the saved one. */
function Position({ index, was, spoken = false }: RowProps & { spoken?: boolean }) {
  return (
    <Box
      as="span"
      display="block"
      minWidth="sizeIcon20"
      fontWeight={was !== index + 1 ? 'fontWeightSemibold' : undefined}
    >
      {/* Where no column header says what the number is (the phone list). */}
      {spoken ? <ScreenReaderOnly>Priority </ScreenReaderOnly> : null}
      {index + 1}
    </Box>
  );
}

/** The saved place of an identifier that has moved in the draft order. */
function WasHint({ index, was }: RowProps) {
  if (was === index + 1) return null;
  return (
    <Text as="span" display="block" color="colorTextWeak" fontSize="fontSize20" whiteSpace="nowrap">
      was {was || 'new'}
    </Text>
  );
}

function MoveButtons({ identifier, index, count, locked, onMove }: RowProps) {
  return (
    <Box display="flex" alignItems="center" columnGap="space30">
      <Button
        id={moveButtonId(identifier.key, 'up')}
        variant="secondary"
        size="icon_small"
        aria-label={`Move ${identifier.key} up`}
        disabled={index === 0 || locked}
        onClick={() => onMove(identifier.key, 'up')}
      >
        <ArrowUpIcon decorative />
      </Button>
      <Button
        id={moveButtonId(identifier.key, 'down')}
        variant="secondary"
        size="icon_small"
        aria-label={`Move ${identifier.key} down`}
        disabled={index === count - 1 || locked}
        onClick={() => onMove(identifier.key, 'down')}
      >
        <ArrowDownIcon decorative />
      </Button>
    </Box>
  );
}

function RuleActions({ identifier, onEdit, onDelete }: RowProps) {
  return (
    <Box display="inline-flex" columnGap="space30">
      <Button variant="secondary" size="small" aria-label={`Edit rules for ${identifier.key}`} onClick={onEdit}>
        <EditIcon decorative />
        Edit rules
      </Button>
      <Button
        variant="destructive_secondary"
        size="small"
        id={deleteButtonId(identifier.key)}
        aria-label={`Delete ${identifier.key}`}
        onClick={onDelete}
      >
        <DeleteIcon decorative />
        Delete
      </Button>
    </Box>
  );
}

/**
 * What the identifier blocks, at a glance: its first blocked values, then "and N more" (Edit rules
 * lists them all). Each value wraps within the column rather than widening the table.
 */
function BlockedValuesSummary({ identifier }: { identifier: Identifier }) {
  const { texts, more } = blockedValuesPreview(identifier.blockedValues);
  if (texts.length === 0) return <>None</>;
  return (
    <Box as="span" display="block" minWidth="size10" maxWidth="size30" overflowWrap="anywhere">
      <Box as="span" fontFamily="fontFamilyCode">
        {texts.join(', ')}
      </Box>
      {more > 0 ? (
        <Text as="span" display="block" color="colorTextWeak" fontSize="fontSize20">
          and {more} more
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * The identifier: key (with a Custom badge), display name and, for a custom identifier, the event
 * keys it reads, each shown whole and wrapping, so that a long one does not push the limits,
 * normalizations and actions off screen.
 */
function IdentifierSummary({ identifier }: { identifier: Identifier }) {
  return (
    <Box minWidth="0">
      <Box display="flex" alignItems="center" flexWrap="wrap" columnGap="space30" rowGap="space20">
        <WrappingText fontFamily="fontFamilyCode">{identifier.key}</WrappingText>
        {identifier.kind === 'custom' ? (
          <Badge as="span" variant="decorative10">
            Custom
          </Badge>
        ) : null}
      </Box>
      {identifier.displayName !== identifier.key ? (
        <WrappingText color="colorTextWeak" fontSize="fontSize20">
          {identifier.displayName}
        </WrappingText>
      ) : null}
      {identifier.kind === 'custom' ? (
        <WrappingText color="colorTextWeak" fontSize="fontSize20">
          {`Source keys: ${identifier.sourceKeys.join(', ')}`}
        </WrappingText>
      ) : null}
    </Box>
  );
}
