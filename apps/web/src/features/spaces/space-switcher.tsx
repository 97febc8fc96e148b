import type { Space } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Combobox } from '@twilio-paste/combobox';
import { EditIcon } from '@twilio-paste/icons/esm/EditIcon';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Text } from '@twilio-paste/text';
import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../lib/router.ts';
import { spacePath } from '../../lib/space-path.ts';
import { spaceQueryOptions } from '../../lib/space-query.ts';
import { mayLeaveForSpace } from '../../lib/use-before-unload.ts';
import { NewSpaceModal } from './new-space-modal.tsx';
import { RenameSpaceModal } from './rename-space-modal.tsx';
import { spacesQueryOptions } from './spaces-query.ts';

interface SpaceItem {
  id: string;
  label: string;
}

/** The name, and the id (what URLs and the API use) when the name does not already say it. */
function spaceLabel(space: Pick<Space, 'id' | 'name'>): string {
  return space.name.toLowerCase() === space.id ? space.name : `${space.name} (${space.id})`;
}

/**
 * Chooses the space the console shows, staying on the same page (the Lookup preview of `dev`
 * becomes the Lookup preview of `prod`). Unsaved edits are not carried over to another space's
 * settings, so it asks before dropping them. Rename space renames the current one (its id and
 * addresses stay); New space creates one and opens it.
 */
export function SpaceSwitcher({ spaceId, path, compact }: { spaceId: string; path: string; compact: boolean }) {
  const query = useQuery(spacesQueryOptions());
  const spaces = query.data?.spaces ?? [];
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
    if (mayLeaveForSpace(next)) navigate(target);
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
  // Before the list arrives, or for a space that is not in it (the page explains that), the current id alone.
  const items: SpaceItem[] = spaces.map((space) => ({ id: space.id, label: spaceLabel(space) }));
  if (!listed) items.unshift({ id: spaceId, label: spaceId });
  const selected = items.find((item) => item.id === spaceId) ?? null;
  return (
    <Box display="flex" alignItems="center" columnGap="space30" minWidth="0">
      {/* The combobox names itself "Space" for assistive technology; this is the same word for the eye. */}
      {compact ? null : (
        <Text as="span" aria-hidden="true" fontWeight="fontWeightSemibold" whiteSpace="nowrap">
          Space
        </Text>
      )}
      <Box minWidth={compact ? 'size10' : 'size20'} maxWidth={compact ? 'size20' : 'size30'}>
        {/* A combobox, not a native select: arrow keys only move through the list, and a space opens
            when one is picked (Enter or a click), never while browsing (WCAG 3.2.2). */}
        <Combobox
          labelText="Space"
          hideVisibleLabel
          items={items}
          itemToString={(item: SpaceItem | null) => item?.label ?? ''}
          optionTemplate={(item: SpaceItem) => item.label}
          // Controlled by the URL: a switch that is declined shows the current space again.
          selectedItem={selected}
          onSelectedItemChange={({ selectedItem }: { selectedItem?: SpaceItem | null }) => {
            if (selectedItem) openSpace(selectedItem.id);
          }}
        />
      </Box>
      {/* Nothing to rename at an address that names no space (the page says so). */}
      {query.isSuccess && !listed ? null : (
        <Button
          ref={renameButton}
          variant={compact ? 'secondary_icon' : 'secondary'}
          size={compact ? 'icon_small' : 'small'}
          // The dialog starts from the name and the settings version: it waits for them.
          disabled={!currentSpace.isSuccess}
          onClick={() => {
            // A rename made elsewhere meanwhile shows in the dialog (its base follows while untouched).
            void currentSpace.refetch();
            setRenaming(true);
          }}
        >
          <EditIcon decorative />
          {compact ? <ScreenReaderOnly>Rename space</ScreenReaderOnly> : 'Rename space'}
        </Button>
      )}
      <Button
        variant={compact ? 'secondary_icon' : 'secondary'}
        size={compact ? 'icon_small' : 'small'}
        // The dialog checks ids against the list and offers its spaces to copy: it waits for it.
        disabled={!query.isSuccess}
        onClick={() => {
          // Spaces created meanwhile (by another admin, or over the API) are offered to copy too.
          void query.refetch();
          setCreating(true);
        }}
      >
        <PlusIcon decorative />
        {compact ? <ScreenReaderOnly>New space</ScreenReaderOnly> : 'New space'}
      </Button>
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
