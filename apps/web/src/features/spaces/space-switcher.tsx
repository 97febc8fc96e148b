import type { Space } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { Label } from '@twilio-paste/label';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Option, Select } from '@twilio-paste/select';
import { useEffect, useId, useState } from 'react';
import { navigate } from '../../lib/router.ts';
import { spacePath } from '../../lib/space-path.ts';
import { hasUnsavedChanges } from '../../lib/use-before-unload.ts';
import { NewSpaceModal } from './new-space-modal.tsx';
import { spacesQueryOptions } from './spaces-query.ts';

/** The name, and the id (what URLs and the API use) when the name does not already say it. */
function spaceLabel(space: Pick<Space, 'id' | 'name'>): string {
  return space.name.toLowerCase() === space.id ? space.name : `${space.name} (${space.id})`;
}

/**
 * Chooses the space the console shows, staying on the same page (the Lookup preview of `dev`
 * becomes the Lookup preview of `prod`). Unsaved edits are not carried over to another space's
 * settings, so it asks before dropping them. New space creates one and opens it.
 */
export function SpaceSwitcher({ spaceId, path, compact }: { spaceId: string; path: string; compact: boolean }) {
  const id = useId();
  const query = useQuery(spacesQueryOptions());
  const spaces = query.data?.spaces ?? [];
  const listed = spaces.some((space) => space.id === spaceId);
  const [creating, setCreating] = useState(false);
  // The space just created, opened once the dialog has closed (and its own form with it).
  const [created, setCreated] = useState<string | null>(null);

  /** Opens the same page of another space, unless unsaved edits here would be lost and the admin says no. */
  function openSpace(next: string): void {
    if (hasUnsavedChanges() && !window.confirm(`Discard your unsaved changes and switch to the space ${next}?`)) return;
    navigate(spacePath(next, path));
  }

  useEffect(() => {
    if (created === null) return;
    setCreated(null);
    openSpace(created);
  });
  const label = (
    <Label htmlFor={id} marginBottom="space0">
      Space
    </Label>
  );
  return (
    <Box display="flex" alignItems="center" columnGap="space30" minWidth="0">
      {/* On a phone the top bar has no room for the word: screen readers still announce it. */}
      {compact ? <ScreenReaderOnly>{label}</ScreenReaderOnly> : label}
      <Box minWidth={compact ? 'size10' : 'size20'} maxWidth={compact ? 'size20' : 'size30'}>
        <Select
          id={id}
          value={spaceId}
          // Declined: the select is controlled by the URL, so it shows the current space again.
          onChange={(event) => openSpace(event.target.value)}
        >
          {/* Before the list arrives, or for a space that is not in it (the page explains that). */}
          {listed ? null : <Option value={spaceId}>{spaceId}</Option>}
          {spaces.map((space) => (
            <Option key={space.id} value={space.id}>
              {spaceLabel(space)}
            </Option>
          ))}
        </Select>
      </Box>
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
