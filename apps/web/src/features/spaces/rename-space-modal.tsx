import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Text } from '@twilio-paste/text';
import { useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { showLatest } from '../../lib/merge-edits.ts';
import { loadLatestSettings } from '../../lib/query-client.ts';
import { spaceQueryOptions, type VersionedSpace } from '../../lib/space-query.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useFormBase } from '../../lib/use-form-base.ts';
import { type ReloadMode, useSaveStatus } from '../../lib/use-save-status.ts';
import { withFocusRef } from '../../lib/with-focus-ref.ts';
import { type RenameSpaceFormValues, renameSpaceFieldForIssue, renameSpaceFormSchema } from './rename-space-form.ts';
import { spaceNamedLike } from './space-items.ts';
import { SpaceNameField } from './space-name-field.tsx';
import { spacesQueryOptions, useRenameSpace } from './spaces-query.ts';

const sameName = (a: VersionedSpace, b: VersionedSpace) => a.space.name === b.space.name;

/**
 * Renames a space (SPEC §9 `PATCH /spaces/:space`, a settings write with `If-Match`). Only the
 * name changes: the id, and with it every address of the space's pages, stays as it is.
 */
export function RenameSpaceModal({
  server,
  onClose,
}: {
  /** The space as the console last read it (the query refetches it while the dialog is open). */
  server: VersionedSpace;
  /** Cancel, or a saved rename: either way the dialog closes. */
  onClose: () => void;
}) {
  const spaceId = server.space.id;
  const ids = { name: useId() };
  const nameRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useRenameSpace(spaceId);
  const spaces = useQuery(spacesQueryOptions());
  const { conflict, setFormError, reload, showSaveError, modalStatus } = useSaveStatus();
  const form = useForm<RenameSpaceFormValues>({
    resolver: zodResolver(renameSpaceFormSchema),
    defaultValues: { name: server.space.name },
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  useBeforeUnload(isDirty);

  // What the form is based on: the name it started from and the version a save sends as If-Match.
  // Another settings write (a new version, the same name) moves the base along; a rename made
  // elsewhere while the admin is typing does not, so saving answers 412 (see lib/rebase.ts).
  const { base, save, adoptLatest } = useFormBase(server, {
    isDirty,
    paused: conflict,
    sameValues: sameName,
    reset: (next, mode) => showLatest(form, { name: next.space.name }, mode),
    loadLatest: () => loadLatestSettings(queryClient, spaceId, spaceQueryOptions(spaceId)),
  });

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    // Nothing to write: no new version, no audit entry.
    if (name === base.space.name) {
      onClose();
      return;
    }
    try {
      const saved = await save((version) => mutation.mutateAsync({ name, version }));
      toast(`Space renamed to “${saved.space.name}”.`);
      onClose();
    } catch (error) {
      showSaveError(error, form.setError, renameSpaceFieldForIssue);
    }
  });

  // After a 412 the query holds the latest (the save fetched it): what the other change did.
  const theirs =
    conflict && server.space.name !== base.space.name ? `Name “${base.space.name}” → “${server.space.name}”` : null;

  // FormModal focuses the name once the reloaded form is enabled again.
  function reloadLatest(mode: ReloadMode) {
    return reload(async () => ((await adoptLatest(mode)).overwritten.length > 0 ? theirs : null), mode);
  }

  const nameField = withFocusRef(form.register('name'), nameRef);
  const busy = isSubmitting || mutation.isPending;
  const namesake = spaceNamedLike(spaces.data?.spaces ?? [], form.watch('name'), spaceId);

  return (
    <FormModal
      heading="Rename space"
      initialFocusRef={nameRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Save"
      busy={busy}
      dirty={isDirty}
      saveStatus={modalStatus('The new name was not saved', theirs, reloadLatest)}
    >
      <SpaceNameField
        id={ids.name}
        field={nameField}
        error={errors.name?.message}
        namesake={namesake}
        disabled={conflict}
        help={
          <>
            {/* An id has up to 63 characters and no space: it wraps rather than running out of the dialog. */}
            The ID{' '}
            <Text as="span" fontFamily="fontFamilyCode" overflowWrap="anywhere" color="inherit" fontSize="inherit">
              {spaceId}
            </Text>{' '}
            and the addresses of its pages stay the same.
          </>
        }
      />
    </FormModal>
  );
}
