import { zodResolver } from '@hookform/resolvers/zod';
import {
  type Identifier,
  LIMIT_WINDOWS,
  NormalizationSchema,
  SUGGESTED_BLOCKED_VALUES,
  type UpdateIdentifierInput,
} from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Heading } from '@twilio-paste/heading';
import { HelpText } from '@twilio-paste/help-text';
import { DeleteIcon } from '@twilio-paste/icons/esm/DeleteIcon';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Paragraph } from '@twilio-paste/paragraph';
import { Option, Select } from '@twilio-paste/select';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useRef } from 'react';
import { type FieldPath, useFieldArray, useForm } from 'react-hook-form';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useEditBase } from '../../lib/use-edit-base.ts';
import { useSaveStatus } from '../../lib/use-save-status.ts';
import { useUpdateIdentifierRules } from './identity-resolution-queries.ts';
import {
  describeLimit,
  NORMALIZATIONS,
  type RulesFormValues,
  rulesFieldForIssue,
  rulesFormSchema,
  sameRules,
  toRulesFormValues,
  WINDOW_LABEL,
} from './rules-form.ts';

const MAX_BLOCKED_VALUES = 100;

interface EditRulesModalProps {
  spaceId: string;
  /** The identifier as listed when the edit started. */
  identifier: Identifier;
  /** Settings version of that listing; the save is conditional on it. */
  version: number;
  onClose: () => void;
}

/** Edits one identifier's limit, normalization, blocked values and (custom only) source keys. */
export function EditRulesModal({ spaceId, identifier, version, onClose }: EditRulesModalProps) {
  const ids = {
    count: useId(),
    window: useId(),
    limitHelp: useId(),
    normalization: useId(),
    normalizationHelp: useId(),
    sourceKeys: useId(),
    sourceKeysHelp: useId(),
    blockedHeading: useId(),
    blockedHelp: useId(),
  };
  const countRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const mutation = useUpdateIdentifierRules(spaceId);
  const {
    conflict,
    setConflict,
    formError,
    setFormError,
    reloading,
    reload: reloadWith,
    showSaveError,
  } = useSaveStatus();

  const form = useForm<RulesFormValues, unknown, UpdateIdentifierInput>({
    resolver: zodResolver(rulesFormSchema(identifier.kind)),
    defaultValues: toRulesFormValues(identifier),
  });
  const blocked = useFieldArray({ control: form.control, name: 'blockedValues' });
  const { errors, isDirty, isSubmitting } = form.formState;
  useBeforeUnload(isDirty);

  const { base, reloadBase } = useEditBase(
    spaceId,
    { identifier, version },
    { paused: conflict, unchanged: sameRules },
  );

  function handleError(error: unknown) {
    const blockedCount = form.getValues('blockedValues').length;
    showSaveError(
      error,
      form.setError,
      (path) => rulesFieldForIssue(path, blockedCount) as FieldPath<RulesFormValues> | null,
    );
  }

  const onSubmit = form.handleSubmit(async (rules) => {
    setFormError(null);
    if (!isDirty) {
      onClose();
      return;
    }
    try {
      await mutation.mutateAsync({ key: identifier.key, rules, version: base.version });
      toast(`Rules of ${identifier.key} saved. They apply to events received from now on.`);
      onClose();
    } catch (error) {
      handleError(error);
    }
  });

  function reload() {
    return reloadWith(async () => {
      const fresh = await reloadBase();
      form.reset(toRulesFormValues(fresh.identifier));
      setConflict(false);
      countRef.current?.focus();
    });
  }

  function addSuggested() {
    const present = new Set(form.getValues('blockedValues').map((entry) => `${entry.match}:${entry.value}`));
    const missing = SUGGESTED_BLOCKED_VALUES.filter((entry) => !present.has(`${entry.match}:${entry.value}`));
    blocked.append(
      missing.slice(0, MAX_BLOCKED_VALUES - blocked.fields.length).map((entry) => ({ ...entry })),
      { shouldFocus: false },
    );
  }

  const count = form.watch('limit.count');
  const window = form.watch('limit.window');
  const normalization = form.watch('normalization');
  const blockedValues = form.watch('blockedValues');
  const suggestedMissing = SUGGESTED_BLOCKED_VALUES.some(
    (entry) => !blockedValues.some((row) => row.match === entry.match && row.value === entry.value),
  );
  const { ref: countRegisterRef, ...countField } = form.register('limit.count', { valueAsNumber: true });
  const busy = isSubmitting || mutation.isPending;
  const blockedRootError = errors.blockedValues?.message ?? errors.blockedValues?.root?.message;

  return (
    <FormModal
      heading={`Edit rules for ${identifier.key}`}
      size="wide"
      initialFocusRef={countRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Save rules"
      busy={busy}
      saveStatus={{ conflict, formError, reloading, onReload: reload, notSaved: 'Your rules were not saved' }}
    >
      <Stack orientation="vertical" spacing="space80">
        <Paragraph marginBottom="space0">
          {identifier.kind === 'custom' ? 'Custom identifier' : 'Built-in identifier'}
          {identifier.displayName !== identifier.key ? `, shown to agents as “${identifier.displayName}”` : ''}. Changes
          apply to events received after you save; existing profiles are not re-resolved.
        </Paragraph>

        <Box as="fieldset" margin="space0" padding="space0" borderWidth="borderWidth0">
          <Text
            as="legend"
            fontSize="fontSize40"
            fontWeight="fontWeightSemibold"
            lineHeight="lineHeight40"
            marginBottom="space40"
          >
            Limit
          </Text>
          <Box display="grid" gridTemplateColumns={['1fr', '1fr 1fr']} columnGap="space60" rowGap="space50">
            <Box>
              <Label htmlFor={ids.count} required>
                Values per profile
              </Label>
              <Input
                id={ids.count}
                type="number"
                min={1}
                max={1000}
                step={1}
                inputMode="numeric"
                aria-describedby={ids.limitHelp}
                hasError={errors.limit?.count !== undefined}
                disabled={conflict}
                {...countField}
                ref={(element) => {
                  countRegisterRef(element);
                  countRef.current = element;
                }}
              />
              {errors.limit?.count ? (
                <HelpText id={ids.limitHelp} variant="error">
                  {errors.limit.count.message}
                </HelpText>
              ) : (
                <HelpText id={ids.limitHelp}>1 to 1000.</HelpText>
              )}
            </Box>
            <Box>
              <Label htmlFor={ids.window} required>
                Counted over
              </Label>
              <Select
                id={ids.window}
                {...form.register('limit.window')}
                hasError={errors.limit?.window !== undefined}
                disabled={conflict}
              >
                {LIMIT_WINDOWS.map((option) => (
                  <Option key={option} value={option}>
                    {WINDOW_LABEL[option]}
                  </Option>
                ))}
              </Select>
              {errors.limit?.window ? <HelpText variant="error">{errors.limit.window.message}</HelpText> : null}
            </Box>
          </Box>
          <Box marginTop="space40">
            <Text as="p" aria-live="polite" fontWeight="fontWeightSemibold">
              {describeLimit(count, window)}
            </Text>
            <Text as="p" color="colorTextWeak" fontSize="fontSize20">
              Values are counted by when they were first seen. When an event would take a profile over this limit, the
              value of the lowest-priority identifier is dropped instead.
            </Text>
          </Box>
        </Box>

        <Box>
          <Label htmlFor={ids.normalization} required>
            Normalization
          </Label>
          <Select
            id={ids.normalization}
            {...form.register('normalization')}
            aria-describedby={ids.normalizationHelp}
            disabled={conflict}
          >
            {NormalizationSchema.options.map((option) => (
              <Option key={option} value={option}>
                {NORMALIZATIONS[option].label}
              </Option>
            ))}
          </Select>
          <HelpText id={ids.normalizationHelp}>{NORMALIZATIONS[normalization]?.explanation}</HelpText>
        </Box>

        {identifier.kind === 'custom' ? (
          <Box>
            <Label htmlFor={ids.sourceKeys} required>
              Source keys
            </Label>
            <Input
              id={ids.sourceKeys}
              type="text"
              autoComplete="off"
              aria-describedby={ids.sourceKeysHelp}
              hasError={errors.sourceKeys !== undefined}
              disabled={conflict}
              {...form.register('sourceKeys')}
            />
            {errors.sourceKeys ? (
              <HelpText id={ids.sourceKeysHelp} variant="error">
                {errors.sourceKeys.message}
              </HelpText>
            ) : (
              <HelpText id={ids.sourceKeysHelp}>
                Trait or property keys the value is read from (traits, context.traits and properties; snake_case and
                camelCase both match). 1 to 10, separated by commas.
              </HelpText>
            )}
          </Box>
        ) : null}

        <Box as="section" aria-labelledby={ids.blockedHeading}>
          <Box marginBottom="space20">
            <Heading as="h3" variant="heading50" id={ids.blockedHeading} marginBottom="space0">
              Blocked values
            </Heading>
          </Box>
          <Text as="p" id={ids.blockedHelp} color="colorTextWeak" fontSize="fontSize20" marginBottom="space40">
            Placeholder values such as “-1” or “anonymous” that must never link profiles. Checked after normalization:
            an exact match ignores case; a regular expression is tested as written (no implicit anchors, at most 200
            characters, and it must not be prone to catastrophic backtracking). Up to {MAX_BLOCKED_VALUES}.
          </Text>
          {blocked.fields.length === 0 ? (
            <Text as="p" marginBottom="space40">
              No blocked values: placeholders such as “null” would become identifier values and could merge unrelated
              customers.
            </Text>
          ) : (
            <Stack orientation="vertical" spacing="space40">
              {blocked.fields.map((field, index) => {
                const rowNumber = index + 1;
                const valueError = errors.blockedValues?.[index]?.value;
                const matchError = errors.blockedValues?.[index]?.match;
                const errorId = `${ids.blockedHeading}-${field.id}-error`;
                return (
                  <Box
                    key={field.id}
                    display="grid"
                    gridTemplateColumns="minmax(0, 1fr) 13rem max-content"
                    columnGap="space40"
                    alignItems="start"
                    data-testid={`blocked-value-row-${index}`}
                  >
                    <Box>
                      <Input
                        type="text"
                        autoComplete="off"
                        aria-label={`Blocked value ${rowNumber}`}
                        aria-describedby={valueError || matchError ? errorId : undefined}
                        hasError={valueError !== undefined}
                        disabled={conflict}
                        {...form.register(`blockedValues.${index}.value`)}
                      />
                      {valueError || matchError ? (
                        <HelpText id={errorId} variant="error">
                          {valueError?.message ?? matchError?.message}
                        </HelpText>
                      ) : null}
                    </Box>
                    <Select
                      aria-label={`Match of blocked value ${rowNumber}`}
                      disabled={conflict}
                      {...form.register(`blockedValues.${index}.match`)}
                    >
                      <Option value="exact">Exact match</Option>
                      <Option value="regex">Regular expression</Option>
                    </Select>
                    <Button
                      variant="secondary_icon"
                      size="icon"
                      aria-label={`Remove blocked value ${rowNumber}`}
                      disabled={conflict}
                      onClick={() => blocked.remove(index)}
                    >
                      <DeleteIcon decorative />
                    </Button>
                  </Box>
                );
              })}
            </Stack>
          )}
          {blockedRootError ? <HelpText variant="error">{blockedRootError}</HelpText> : null}
          <Box display="flex" columnGap="space40" alignItems="center" marginTop="space50" flexWrap="wrap">
            <Button
              variant="secondary"
              size="small"
              disabled={conflict || blocked.fields.length >= MAX_BLOCKED_VALUES}
              onClick={() => blocked.append({ value: '', match: 'exact' })}
            >
              <PlusIcon decorative />
              Add blocked value
            </Button>
            <Button
              variant="secondary"
              size="small"
              disabled={conflict || !suggestedMissing || blocked.fields.length >= MAX_BLOCKED_VALUES}
              onClick={addSuggested}
            >
              Add suggested values
            </Button>
            <Text as="span" color="colorTextWeak" fontSize="fontSize20">
              {blocked.fields.length} of {MAX_BLOCKED_VALUES}
            </Text>
          </Box>
        </Box>
      </Stack>
    </FormModal>
  );
}
