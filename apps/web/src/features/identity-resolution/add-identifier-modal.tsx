import { zodResolver } from '@hookform/resolvers/zod';
import { type CreateIdentifierInput, type IdentifierList, isBuiltInIdentifierKey } from '@idr/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useEffect, useId, useRef, useState } from 'react';
import { type PathValue, type UseFormReturn, useForm } from 'react-hook-form';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useRovingFocus } from '../../components/use-roving-focus.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useSaveStatus } from '../../lib/use-save-status.ts';
import { withFocusRef } from '../../lib/with-focus-ref.ts';
import {
  type AddIdentifierFormValues,
  addFieldForIssue,
  addIdentifierFormSchema,
  BUILT_IN_SOURCES,
  suggestedBuiltInKeys,
  suggestedNormalization,
} from './add-identifier-form.ts';
import { useCreateIdentifier } from './identity-resolution-queries.ts';
import { NormalizationField } from './normalization-field.tsx';

/** Adds a built-in or custom identifier (SPEC §2): key, optional display name and position, source keys. */
export function AddIdentifierModal({
  spaceId,
  list,
  onClose,
}: {
  spaceId: string;
  /** The identifiers as listed when the dialog opened: existing keys, positions, settings version. */
  list: IdentifierList;
  onClose: () => void;
}) {
  const ids = {
    key: useId(),
    keyHelp: useId(),
    suggestions: useId(),
    displayName: useId(),
    displayNameHelp: useId(),
    position: useId(),
    positionHelp: useId(),
    sourceKeys: useId(),
    sourceKeysHelp: useId(),
  };
  const keyRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const mutation = useCreateIdentifier(spaceId);
  const { setFormError, reload: reloadWith, showSaveError, modalStatus } = useSaveStatus();
  const queryClient = useQueryClient();
  const existingKeys = list.identifiers.map((identifier) => identifier.key);
  const suggestions = suggestedBuiltInKeys(existingKeys);
  const suggestionFocus = useRovingFocus(suggestions.length);

  const form = useForm<AddIdentifierFormValues, unknown, CreateIdentifierInput>({
    resolver: zodResolver(addIdentifierFormSchema(existingKeys)),
    defaultValues: { key: '', displayName: '', position: '', sourceKeys: '', normalization: 'trim' },
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  useBeforeUnload(isDirty);

  const key = form.watch('key').trim();
  const builtIn = isBuiltInIdentifierKey(key);
  // A custom identifier reads the trait named like itself, with the normalization its key suggests,
  // unless told otherwise.
  const sourceKeysField = useFollowUntilEdited(form, 'sourceKeys', key);
  const normalizationField = useFollowUntilEdited(form, 'normalization', suggestedNormalization(key));
  const normalization = form.watch('normalization');

  function applySuggestion(suggestion: string) {
    form.setValue('key', suggestion, { shouldDirty: true, shouldValidate: true });
    keyRef.current?.focus();
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      // Conditional only when a position is chosen: it refers to the listing the admin saw. Added
      // last, the identifier does not depend on it, and a key added meanwhile answers 409 (shown on
      // the key field) rather than a 412 that would make the admin start over.
      const created = await mutation.mutateAsync({
        input,
        version: input.priority === undefined ? undefined : list.version,
      });
      toast(
        `${created.key} added as a ${created.kind === 'custom' ? 'custom' : 'built-in'} identifier at priority ${created.priority}.`,
      );
      onClose();
    } catch (error) {
      showSaveError(error, form.setError, addFieldForIssue, {
        code: 'identifier_exists',
        field: 'key',
        message: 'An identifier with this key already exists in this space',
      });
    }
  });

  // The parent passes the refetched list (new keys, positions and version); the values typed stay.
  // FormModal then focuses the key field.
  function reload() {
    return reloadWith(async () => {
      await queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
    });
  }

  const keyField = withFocusRef(form.register('key'), keyRef);
  const busy = isSubmitting || mutation.isPending;

  return (
    <FormModal
      heading="Add identifier"
      initialFocusRef={keyRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Add identifier"
      busy={busy}
      dirty={isDirty}
      // No other change to name (`null`), so no Keep my changes: its Reload keeps what was typed already.
      saveStatus={modalStatus('The identifier was not added', null, reload)}
    >
      <Stack orientation="vertical" spacing="space70">
        <Box>
          <Label htmlFor={ids.key} required>
            Key
          </Label>
          <Input
            id={ids.key}
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.keyHelp}
            hasError={errors.key !== undefined}
            {...keyField}
          />
          {errors.key ? (
            <HelpText id={ids.keyHelp} variant="error">
              {errors.key.message}
            </HelpText>
          ) : (
            <HelpText id={ids.keyHelp}>
              {key === ''
                ? 'Lowercase letters, digits, “_” and “.”, starting with a letter. It cannot be changed later.'
                : builtIn
                  ? `Built-in identifier, read from ${BUILT_IN_SOURCES[key as keyof typeof BUILT_IN_SOURCES]}.`
                  : 'Custom identifier, read from the source keys below and from context.externalIds of this type.'}
            </HelpText>
          )}
          {suggestions.length > 0 ? (
            <Box marginTop="space40">
              <Text as="p" id={ids.suggestions} fontSize="fontSize20" color="colorTextWeak" marginBottom="space30">
                Built-in identifiers not in this space yet:
              </Text>
              <Box
                role="toolbar"
                aria-labelledby={ids.suggestions}
                display="flex"
                flexWrap="wrap"
                columnGap="space30"
                rowGap="space30"
                onKeyDown={suggestionFocus.onKeyDown}
              >
                {suggestions.map((suggestion, index) => (
                  <Button
                    key={suggestion}
                    variant="secondary"
                    size="small"
                    aria-label={`Use ${suggestion}`}
                    onClick={() => applySuggestion(suggestion)}
                    {...suggestionFocus.itemProps(index)}
                  >
                    <Text as="span" fontFamily="fontFamilyCode" color="inherit">
                      {suggestion}
                    </Text>
                  </Button>
                ))}
              </Box>
            </Box>
          ) : null}
        </Box>
        {key !== '' && !builtIn ? (
          <Box>
            <Label htmlFor={ids.sourceKeys} required>
              Source keys
            </Label>
            <Input
              id={ids.sourceKeys}
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={ids.sourceKeysHelp}
              hasError={errors.sourceKeys !== undefined}
              {...sourceKeysField}
            />
            {errors.sourceKeys ? (
              <HelpText id={ids.sourceKeysHelp} variant="error">
                {errors.sourceKeys.message}
              </HelpText>
            ) : (
              <HelpText id={ids.sourceKeysHelp}>
                Trait or property keys the value is read from; snake_case and camelCase both match. 1 to 10, separated
                by commas.
              </HelpText>
            )}
          </Box>
        ) : null}
        <NormalizationField field={normalizationField} value={normalization} />
        <Box>
          <Label htmlFor={ids.displayName}>Display name (optional)</Label>
          <Input
            id={ids.displayName}
            type="text"
            autoComplete="off"
            aria-describedby={ids.displayNameHelp}
            hasError={errors.displayName !== undefined}
            placeholder={key || undefined}
            {...form.register('displayName')}
          />
          {errors.displayName ? (
            <HelpText id={ids.displayNameHelp} variant="error">
              {errors.displayName.message}
            </HelpText>
          ) : (
            <HelpText id={ids.displayNameHelp}>What agents see. Defaults to the key.</HelpText>
          )}
        </Box>
        <Box>
          <Label htmlFor={ids.position}>Priority (optional)</Label>
          {/*
           * No min/max: given both, Paste hides a step arrow at a bound, judged from a value it only
           * learns from its own change events, so one arrow showed at random. The range is in the
           * help text and checked by the schema.
           */}
          <Input
            id={ids.position}
            type="number"
            step={1}
            inputMode="numeric"
            aria-describedby={ids.positionHelp}
            hasError={errors.position !== undefined}
            placeholder={String(existingKeys.length + 1)}
            {...form.register('position')}
          />
          {errors.position ? (
            <HelpText id={ids.positionHelp} variant="error">
              {errors.position.message}
            </HelpText>
          ) : (
            <HelpText id={ids.positionHelp}>
              1 is the highest. Leave empty to add it last ({existingKeys.length + 1}); the others keep their order.
            </HelpText>
          )}
        </Box>
        <Text as="p" color="colorTextWeak" fontSize="fontSize20">
          It starts with a limit of {key === 'user_id' ? '1 value' : '5 values'} per profile ever and the suggested
          blocked values; change them afterwards with Edit rules.
        </Text>
      </Stack>
    </FormModal>
  );
}

/**
 * Keeps a field at `value` (worked out from another field) until the admin edits it, even to the
 * same value; returns its registration. Not `dirtyFields`: react-hook-form recomputes those for
 * the whole form on another field's change, and a value that only followed would count as edited.
 */
function useFollowUntilEdited<K extends 'sourceKeys' | 'normalization'>(
  form: UseFormReturn<AddIdentifierFormValues, unknown, CreateIdentifierInput>,
  field: K,
  value: AddIdentifierFormValues[K],
) {
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!edited) form.setValue(field, value as PathValue<AddIdentifierFormValues, K>, { shouldDirty: false });
  }, [edited, field, value, form]);
  return form.register(field, { onChange: () => setEdited(true) });
}
