import { zodResolver } from '@hookform/resolvers/zod';
import { type DisplayNameForm, displayNameFormSchema, type Identifier } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Fact, Facts } from '../../components/facts.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { showLatest } from '../../lib/merge-edits.ts';
import { fieldChangesText, type IdentifierField } from '../../lib/settings-diff.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useEditBase } from '../../lib/use-edit-base.ts';
import { useOneAtATime } from '../../lib/use-one-at-a-time.ts';
import { type ReloadMode, useSaveStatus } from '../../lib/use-save-status.ts';
import { withFocusRef } from '../../lib/with-focus-ref.ts';
import { useUpdateDisplayName } from './identifiers-queries.ts';

interface EditIdentifierModalProps {
  spaceId: string;
  /** The identifier as listed when the edit started. */
  identifier: Identifier;
  /** Settings version of that listing; the save is conditional on it. */
  version: number;
  onClose: () => void;
}

/** The display name is what this modal edits: other changes to the identifier do not conflict with it. */
function sameDisplayName(live: Identifier, base: Identifier): boolean {
  return live.displayName === base.displayName;
}

/** Edits one identifier's display name; priority is shown, not edited (SPEC §3). */
export function EditIdentifierModal({ spaceId, identifier, version, onClose }: EditIdentifierModalProps) {
  const inputId = useId();
  const helpId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const mutation = useUpdateDisplayName(spaceId);
  const { conflict, setFormError, reload: reloadWith, showSaveError, modalStatus } = useSaveStatus();

  // The key itself is always a valid name (it is the default), even past 50 characters.
  const schema = useMemo(() => displayNameFormSchema(identifier.key), [identifier.key]);
  const form = useForm<DisplayNameForm>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: identifier.displayName },
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  useBeforeUnload(isDirty);

  const { base, live, reloadBase, saveOnBase } = useEditBase(
    spaceId,
    { identifier, version },
    { paused: conflict, unchanged: sameDisplayName },
  );

  function handleError(error: unknown) {
    showSaveError(error, form.setError, (path) =>
      path === 'displayName' || path.endsWith('.displayName') ? 'displayName' : null,
    );
  }

  const onSubmit = form.handleSubmit(async ({ displayName }) => {
    setFormError(null);
    if (displayName === base.identifier.displayName) {
      onClose();
      return;
    }
    try {
      await saveOnBase((version) => mutation.mutateAsync({ key: identifier.key, displayName, version }));
      toast(`Display name of ${identifier.key} saved as “${displayName}”.`);
      onClose();
    } catch (error) {
      handleError(error);
    }
  });

  // A double click would send the reset twice, the second answering 412 as if someone else had saved.
  const resetToDefault = useOneAtATime(async () => {
    setFormError(null);
    form.clearErrors();
    try {
      await saveOnBase((version) => mutation.mutateAsync({ key: identifier.key, displayName: null, version }));
      toast(`Display name of ${identifier.key} reset to the default “${identifier.key}”.`);
      onClose();
    } catch (error) {
      handleError(error);
    }
  });

  // After a 412 the list holds the latest (the save refetched it): what the other change did.
  const theirs = conflict && live ? fieldChangesText(base.identifier, live, ['displayName']) : null;

  // FormModal focuses the display name once the reloaded form is enabled again.
  function reload(mode: ReloadMode) {
    return reloadWith(async () => {
      const fresh = await reloadBase();
      const overwritten = showLatest(form, { displayName: fresh.identifier.displayName }, mode);
      return fieldChangesText(base.identifier, fresh.identifier, overwritten as IdentifierField[]);
    }, mode);
  }

  const displayNameField = withFocusRef(form.register('displayName'), inputRef);
  const busy = isSubmitting || mutation.isPending;
  const priority = live?.priority ?? identifier.priority;

  const resetButton = (
    <Button
      variant="secondary"
      onClick={resetToDefault}
      disabled={busy || conflict || base.identifier.displayName === identifier.key}
    >
      Reset to default
    </Button>
  );

  return (
    <FormModal
      heading={`Edit identifier ${identifier.key}`}
      initialFocusRef={inputRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Save"
      busy={busy}
      dirty={isDirty}
      saveStatus={modalStatus('Your display name was not saved', theirs, reload)}
      footerStart={resetButton}
    >
      <Stack orientation="vertical" spacing="space70">
        <Facts>
          {/* A key has up to 64 characters and no space: it wraps rather than running out of the dialog. */}
          <Fact term="Identifier">
            <Text as="span" fontFamily="fontFamilyCode">
              {identifier.key}
            </Text>
          </Fact>
          <Fact term="Priority">
            {priority}{' '}
            <Text as="span" color="colorTextWeak">
              (changed in identity-resolution settings)
            </Text>
          </Fact>
        </Facts>
        <Box>
          <Label htmlFor={inputId} required>
            Display name
          </Label>
          <Input
            id={inputId}
            type="text"
            autoComplete="off"
            aria-describedby={helpId}
            hasError={errors.displayName !== undefined}
            disabled={conflict}
            {...displayNameField}
          />
          {errors.displayName ? (
            <HelpText id={helpId} variant="error">
              {errors.displayName.message}
            </HelpText>
          ) : (
            <HelpText id={helpId}>
              How agents and flow builders see this identifier. 1–50 characters, unique in the space; defaults to the
              identifier key.
            </HelpText>
          )}
        </Box>
      </Stack>
    </FormModal>
  );
}
