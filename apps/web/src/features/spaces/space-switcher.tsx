import type { Space } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Combobox, useCombobox } from '@twilio-paste/combobox';
import { CheckboxCheckIcon } from '@twilio-paste/icons/esm/CheckboxCheckIcon';
import { ChevronDownIcon } from '@twilio-paste/icons/esm/ChevronDownIcon';
import { EditIcon } from '@twilio-paste/icons/esm/EditIcon';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { Text } from '@twilio-paste/text';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TopbarButton } from '../../components/topbar-button.tsx';
import { navigate } from '../../lib/router.ts';
import { spacePath } from '../../lib/space-path.ts';
import { spaceQueryOptions } from '../../lib/space-query.ts';
import { leaveForSpace } from '../../lib/use-before-unload.ts';
import { NewSpaceModal } from './new-space-modal.tsx';
import { RenameSpaceModal } from './rename-space-modal.tsx';
import { matchingSpaces, type SpaceItem, searchAfterTyping, searchInField, spaceItems } from './space-items.ts';
import { spacesQueryOptions } from './spaces-query.ts';

/** The list before it arrives; one array, so that the picker's entries keep their identity. */
const NO_SPACES: readonly Space[] = [];

/**
 * Chooses the space the console shows, staying on the same page (the Lookup preview of `dev`
 * becomes the Lookup preview of `prod`). Unsaved edits are not carried over to another space's
 * settings, so it asks before dropping them. Rename space renames the current one (its id and
 * addresses stay); New space creates one and opens it.
 */
export function SpaceSwitcher({
  spaceId,
  path,
  compact,
  iconOnly,
}: {
  spaceId: string;
  path: string;
  /** A phone: no "Space" label, and the picker shrinks to what the row leaves. */
  compact: boolean;
  /** Rename space and New space as icons (named for screen readers, titled for the mouse). */
  iconOnly: boolean;
}) {
  const query = useQuery(spacesQueryOptions());
  const spaces = query.data?.spaces ?? NO_SPACES;
  const listed = spaces.some((space) => space.id === spaceId);
  const [creating, setCreating] = useState(false);
  // The space just created, opened once the dialog has closed (and its own form with it).
  const [created, setCreated] = useState<string | null>(null);
  // The current space and its settings version, the base of a rename; a space not listed has none.
  const currentSpace = useQuery({ ...spaceQueryOptions(spaceId), enabled: listed });
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const [focusRenameButton, setFocusRenameButton] = useState(false);

  /** Opens the same page of another space, unless unsaved edits here would be lost and the admin says no. */
  function openSpace(next: string): void {
    const target = spacePath(next, path);
    // Already there (a space created from its own "There is no space" page): its queries refetch.
    if (target === window.location.pathname) return;
    leaveForSpace(next, () => navigate(target));
  }

  useEffect(() => {
    if (created === null) return;
    setCreated(null);
    openSpace(created);
  });

  // Once the rename dialog has closed, focus goes back to the button that opened it.
  useEffect(() => {
    if (!focusRenameButton || renaming) return;
    setFocusRenameButton(false);
    renameButton.current?.focus();
  }, [focusRenameButton, renaming]);

  function closeRename(): void {
    setRenaming(false);
    setFocusRenameButton(true);
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      columnGap="space30"
      minWidth="0"
      // On a phone the top bar's row is the menu button and this: sized from nothing and grown into
      // the space left, the picker shrinks to fit instead of the row wrapping the menu button apart.
      flexGrow={compact ? 1 : undefined}
      flexBasis={compact ? '0' : undefined}
    >
      {/* The combobox names itself "Space" for assistive technology; this is the same word for the eye. */}
      {compact ? null : (
        <Text as="span" aria-hidden="true" fontWeight="fontWeightSemibold" whiteSpace="nowrap">
          Space
        </Text>
      )}
      <Box minWidth={compact ? 'size10' : 'size20'} maxWidth={compact ? 'size20' : 'size30'}>
        <SpacePicker
          spaceId={spaceId}
          spaces={spaces}
          // Failed once already (it is retried meanwhile): the name may be a while coming.
          listFailed={query.isError || query.failureCount > 0}
          onPick={openSpace}
          // Spaces made elsewhere (another tab, another admin, the API) since the list was read
          // would otherwise be missing, and a search for one would say that no space matches.
          onOpen={() => void query.refetch()}
        />
      </Box>
      {/* Nothing to rename at an address that names no space (the page says so). */}
      {query.isSuccess && !listed ? null : (
        <TopbarButton
          buttonRef={renameButton}
          iconOnly={iconOnly}
          icon={<EditIcon decorative />}
          label="Rename space"
          // The dialog starts from the name and the settings version: it waits for them.
          disabled={!currentSpace.isSuccess}
          onClick={() => {
            // A rename made elsewhere meanwhile shows in the dialog (its base follows while untouched).
            void currentSpace.refetch();
            setRenaming(true);
          }}
        />
      )}
      <TopbarButton
        iconOnly={iconOnly}
        icon={<PlusIcon decorative />}
        label="New space"
        // The dialog checks ids against the list and offers its spaces to copy: it waits for it.
        disabled={!query.isSuccess}
        onClick={() => {
          // Spaces created meanwhile (by another admin, or over the API) are offered to copy too.
          void query.refetch();
          setCreating(true);
        }}
      />
      {renaming && currentSpace.data ? <RenameSpaceModal server={currentSpace.data} onClose={closeRename} /> : null}
      {creating ? (
        <NewSpaceModal
          spaces={spaces}
          onClose={() => setCreating(false)}
          onCreated={(space) => {
            setCreating(false);
            setCreated(space.id);
          }}
        />
      ) : null}
    </Box>
  );
}

/**
 * The space list of the top bar: a combobox that lists every space and narrows the list to the
 * spaces whose name or id contains what is typed (the list shows a dozen at a time). Arrow keys only
 * move through the list; a space opens when one is picked with Enter or a click, never while
 * browsing or on leaving the field (WCAG 3.2.2). The field shows the current space whenever the
 * list is closed, also after a switch that was declined.
 */
function SpacePicker({
  spaceId,
  spaces,
  listFailed,
  onPick,
  onOpen,
}: {
  spaceId: string;
  spaces: readonly { id: string; name: string }[];
  /** The spaces could not be read: the current one is known by its id alone. */
  listFailed: boolean;
  onPick: (spaceId: string) => void;
  /** Called as the list opens: the time to read the spaces again. */
  onOpen: () => void;
}) {
  // Stable between renders, and across a list read again while it is open (`onOpen`): downshift
  // takes a new selected object for a new selection, and puts its label back in the field, which
  // would wipe out a search being typed. So the current space keeps its object while its label stays.
  const keptSelected = useRef<SpaceItem | null>(null);
  const items = useMemo(() => {
    const fresh = spaceItems(spaces, spaceId, listFailed);
    const kept = keptSelected.current;
    return kept === null
      ? fresh
      : fresh.map((item) => (item.id === kept.id && item.label === kept.label ? kept : item));
  }, [spaces, spaceId, listFailed]);
  const selected = items.find((item) => item.id === spaceId) ?? null;
  keptSelected.current = selected;
  // The search that narrows the list (`searchInField`), null while the field shows the current
  // space. The field's text is downshift's own state, changed in its reducer as keys are pressed: a
  // text held here would reach the field a render late and lose keystrokes typed in between. This
  // copy of the search is brought in line with it in the same render (below), for the same reason.
  const [search, setSearch] = useState<string | null>(null);
  const shown = useMemo(() => (search === null ? items : matchingSpaces(items, search)), [items, search]);
  const baseId = useId();
  const menuId = `${baseId}-spaces`;
  const inputId = `${baseId}-space`;
  const openOnClick = useRef(false);
  const currentLabel = selected?.label ?? '';
  const itemId = (index: number) => `${baseId}-space-${index}`;
  const combobox = useCombobox<SpaceItem>({
    menuId,
    inputId,
    getItemId: itemId,
    items: shown,
    itemToString: (item) => item?.label ?? '',
    // Controlled by the URL: a switch that is declined shows the current space again.
    selectedItem: selected,
    onIsOpenChange: ({ isOpen }) => {
      if (!isOpen) return;
      onOpen();
      // The list keeps its place between openings and may start scrolled past the current space.
      requestAnimationFrame(() =>
        document.getElementById(itemId(shown.indexOf(selected as SpaceItem)))?.scrollIntoView({ block: 'nearest' }),
      );
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onPick(selectedItem.id);
    },
    stateReducer: (current, { type, changes }) => {
      const types = useCombobox.stateChangeTypes;
      switch (type) {
        // Typing searches, and highlights the first match so that Enter opens it.
        case types.InputChange: {
          const before = current.inputValue === currentLabel ? null : current.inputValue;
          const typed = searchAfterTyping(before, currentLabel, changes.inputValue ?? '');
          // The list the field will show (`searchInField`): its first match highlighted, or the
          // current space when the whole list shows (its name typed back in full), as on opening.
          const search = searchInField(true, typed, currentLabel);
          const firstMatch = search === null ? items.indexOf(selected as SpaceItem) : 0;
          const found = search === null || matchingSpaces(items, search).length > 0;
          return { ...changes, inputValue: typed, highlightedIndex: found ? firstMatch : -1 };
        }
        // A pick opens the space (or is declined); until the address changes the field names the
        // current one, which then names the new one.
        case types.ItemClick:
        case types.InputKeyDownEnter:
          return { ...changes, inputValue: currentLabel };
        // Leaving the field, or Escape, closes the list and shows the current space again; leaving
        // does not open the space that was highlighted, and Escape does not clear the field.
        case types.InputBlur:
        case types.InputKeyDownEscape:
          return { ...changes, selectedItem: current.selectedItem, inputValue: currentLabel };
        default:
          return changes;
      }
    },
  });
  // Adjusted while rendering, so that React renders again before anything reaches the screen. Set
  // from downshift's onInputValueChange (an effect, with a lower priority than input), the list
  // lagged behind the field: on a busy machine Enter came first, and opened the first space of
  // the whole list (the current one) instead of the match typed.
  const searchNow = searchInField(combobox.isOpen, combobox.inputValue, currentLabel);
  if (searchNow !== search) setSearch(searchNow);
  // downshift 6 follows ARIA 1.1, whose combobox owns its list; ARIA 1.2 also asks it to name the
  // list it controls while open.
  const state = {
    ...combobox,
    getComboboxProps: (options?: Parameters<typeof combobox.getComboboxProps>[0]) =>
      combobox.getComboboxProps({ ...options, 'aria-controls': menuId }),
  };
  return (
    <Combobox
      labelText="Space"
      hideVisibleLabel
      autocomplete
      // In the page, not a portal: the open list stays inside the top bar's landmark.
      usePortal={false}
      state={state}
      items={shown}
      // The current space carries a check mark (for the eye; the field names it for everyone).
      optionTemplate={(item: SpaceItem) => (
        <Box as="span" display="flex" alignItems="center" justifyContent="space-between" columnGap="space30">
          <span>{item.label}</span>
          {item.id === spaceId ? <CheckboxCheckIcon decorative size="sizeIcon20" color="colorTextPrimary" /> : null}
        </Box>
      )}
      insertAfter={
        // For the mouse, like a select's arrow; keyboard users open the list from the field.
        <Button
          element="SPACE_SWITCHER_CHEVRON"
          variant="reset"
          size="reset"
          tabIndex={-1}
          aria-hidden="true"
          // Keeps the focus in the field, and notes whether the list was open before the press:
          // downshift may close it on the press itself, which is outside the combobox.
          onMouseDown={(event) => {
            event.preventDefault();
            openOnClick.current = !combobox.isOpen;
          }}
          onClick={() => {
            if (openOnClick.current) combobox.openMenu();
            else combobox.closeMenu();
            document.getElementById(inputId)?.focus();
          }}
        >
          <ChevronDownIcon decorative size="sizeIcon30" color="colorTextIcon" />
        </Button>
      }
      emptyState={() => (
        <Box paddingX="space40" paddingY="space30">
          <Text as="p" color="colorTextWeak">
            No space’s name or id contains “{search?.trim()}”.
          </Text>
        </Box>
      )}
    />
  );
}
