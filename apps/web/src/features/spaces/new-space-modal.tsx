import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateSpaceInput, Space } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Option, Select } from '@twilio-paste/select';
import { Stack } from '@twilio-paste/stack';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { CountrySelectField } from '../../components/country-select-field.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useSaveStatus } from '../../lib/use-save-status.ts';
import { withFocusRef } from '../../lib/with-focus-ref.ts';
import {
  type NewSpaceFormValues,
  newSpaceFieldForIssue,
  newSpaceFormSchema,
  spaceIdFromName,
} from './new-space-form.ts';
import { spaceNamedLike } from './space-items.ts';
import { SpaceNameField } from './space-name-field.tsx';
import { useCreateSpace } from './spaces-query.ts';

const PRESET_CHOICES = [
  { value: 'preset:contact-center', label: 'Contact-center preset (user_id, email, phone, anonymous_id)' },
  { value: 'preset:empty', label: 'Empty (no identifiers, no mappings)' },
] as const;

/**
 * Creates a space (SPEC §9 `POST /spaces`): a name, the id its URLs use (suggested from the name),
 * what it starts from and the country its national phone numbers are read in. A copy takes the
 * identifiers, mappings and country of its source; profiles and events are never copied.
 */
export function NewSpaceModal({
  spaces,
  onClose,
  onCreated,
}: {
  /** The spaces as listed when the dialog opened: ids taken, spaces to copy. */
  spaces: readonly Space[];
  onClose: () => void;
  onCreated: (space: Space) => void;
}) {
  const ids = { name: useId(), id: useId(), idHelp: useId(), startFrom: useId(), startFromHelp: useId() };
  const nameRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const mutation = useCreateSpace();
  const { formError, setFormError, reloading, showSaveError } = useSaveStatus();

  const form = useForm<NewSpaceFormValues, unknown, CreateSpaceInput>({
    resolver: zodResolver(newSpaceFormSchema(spaces.map((space) => space.id))),
    defaultValues: { name: '', id: '', startFrom: 'preset:contact-center', defaultCountry: 'US' },
  });
  const { errors, isDirty, isSubmitting, dirtyFields } = form.formState;
  useBeforeUnload(isDirty);

  // The id follows the name until the admin types one; a copy takes its source's country until
  // the admin picks one.
  const name = form.watch('name');
  const namesake = spaceNamedLike(spaces, name);
  const startFrom = form.watch('startFrom');
  const idEdited = dirtyFields.id === true;
  const countryEdited = dirtyFields.defaultCountry === true;
  useEffect(() => {
    if (!idEdited) form.setValue('id', spaceIdFromName(name), { shouldDirty: false });
  }, [name, idEdited, form]);
  const source = startFrom.startsWith('copy:') ? spaces.find((space) => `copy:${space.id}` === startFrom) : undefined;
  useEffect(() => {
    if (!countryEdited) form.setValue('defaultCountry', source?.defaultCountry ?? 'US', { shouldDirty: false });
  }, [source, countryEdited, form]);

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const created = await mutation.mutateAsync(input);
      toast(`Space “${created.name}” created.`);
      onCreated(created);
    } catch (error) {
      showSaveError(error, form.setError, newSpaceFieldForIssue, {
        code: 'space_exists',
        field: 'id',
        message: 'A space with this ID already exists',
      });
    }
  });

  const nameField = withFocusRef(form.register('name'), nameRef);
  const busy = isSubmitting || mutation.isPending;

  return (
    <FormModal
      heading="New space"
      initialFocusRef={nameRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Create space"
      busy={busy}
      dirty={isDirty}
      // Nothing to be stale against: creating a space takes no If-Match, so no conflict to reload.
      saveStatus={{ conflict: false, formError, reloading, onReload: () => {}, notSaved: 'The space was not created' }}
    >
      <Stack orientation="vertical" spacing="space70">
        <SpaceNameField id={ids.name} field={nameField} error={errors.name?.message} namesake={namesake} />
        <Box>
          <Label htmlFor={ids.id} required>
            ID
          </Label>
          <Input
            id={ids.id}
            type="text"
            autoComplete="off"
            spellCheck={false}
            hasError={errors.id !== undefined}
            aria-describedby={ids.idHelp}
            {...form.register('id')}
          />
          <HelpText id={ids.idHelp} variant={errors.id ? 'error' : 'default'}>
            {errors.id?.message ??
              'Used in the console’s addresses and the API (/api/v1/spaces/ID): lowercase letters, digits and “-”. It cannot be changed later.'}
          </HelpText>
        </Box>
        <Box>
          <Label htmlFor={ids.startFrom}>Start from</Label>
          <Select
            id={ids.startFrom}
            aria-describedby={ids.startFromHelp}
            hasError={errors.startFrom !== undefined}
            {...form.register('startFrom')}
          >
            {PRESET_CHOICES.map((choice) => (
              <Option key={choice.value} value={choice.value}>
                {choice.label}
              </Option>
            ))}
            {spaces.map((space) => (
              <Option key={space.id} value={`copy:${space.id}`}>
                {`A copy of ${space.name} (${space.id})`}
              </Option>
            ))}
          </Select>
          <HelpText id={ids.startFromHelp} variant={errors.startFrom ? 'error' : 'default'}>
            {errors.startFrom?.message ??
              'A copy takes the identifiers, their rules and the address-type mappings; never profiles or events.'}
          </HelpText>
        </Box>
        <CountrySelectField
          registration={form.register('defaultCountry')}
          selected={form.watch('defaultCountry')}
          error={errors.defaultCountry?.message}
          help="Phone numbers written without a country code, the way they are dialled at home, are read as numbers of this country."
          required
        />
      </Stack>
    </FormModal>
  );
}
