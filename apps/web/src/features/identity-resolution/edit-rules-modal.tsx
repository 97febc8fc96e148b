import { zodResolver } from '@hookform/resolvers/zod';
import {
  type Identifier,
  LIMIT_WINDOWS,
  mappedAddressType,
  SUGGESTED_BLOCKED_VALUES,
  type UpdateIdentifierInput,
} from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
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
import { type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type FieldPath, type UseFormReturn, useFieldArray, useForm } from 'react-hook-form';
import { FormModal } from '../../components/form-modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useNarrowViewport } from '../../components/use-narrow-viewport.ts';
import { mappedNormalizationWarning } from '../../lib/lookup-warnings.ts';
import { addressTypeMappingsQueryOptions } from '../../lib/mappings-query.ts';
import { showLatest } from '../../lib/merge-edits.ts';
import { fieldChangesText, type IdentifierField } from '../../lib/settings-diff.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useEditBase } from '../../lib/use-edit-base.ts';
import { type ReloadMode, useSaveStatus } from '../../lib/use-save-status.ts';
import { useUpdateIdentifierRules } from './identity-resolution-queries.ts';
import { NormalizationField } from './normalization-field.tsx';
import {
  describeLimit,
  MAX_BLOCKED_VALUES,
  missingSuggestedValues,
  patternBlocksEveryValue,
  type RulesFormValues,
  rulesFieldForIssue,
  rulesFormSchema,
  sameRules,
  toRulesFormValues,
  WINDOW_LABEL,
} from './rules-form.ts';

/** The fields of an identifier this modal edits (a change elsewhere, e.g. its display name, does not conflict). */
const RULE_FIELDS: readonly IdentifierField[] = ['limit', 'normalization', 'blockedValues', 'sourceKeys'];

type RulesForm = UseFormReturn<RulesFormValues, unknown, UpdateIdentifierInput>;

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
    sourceKeys: useId(),
    sourceKeysHelp: useId(),
  };
  const countRef = useRef<HTMLInputElement | null>(null);
  const toast = useToast();
  const mutation = useUpdateIdentifierRules(spaceId);
  const { conflict, setFormError, reload: reloadWith, showSaveError, modalStatus } = useSaveStatus();

  const form = useForm<RulesFormValues, unknown, UpdateIdentifierInput>({
    resolver: zodResolver(rulesFormSchema(identifier.kind)),
    defaultValues: toRulesFormValues(identifier),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  useBeforeUnload(isDirty);

  const { base, live, reloadBase, saveOnBase } = useEditBase(
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
      await saveOnBase((version) => mutation.mutateAsync({ key: identifier.key, rules, version }));
      toast(`Rules of ${identifier.key} saved. They apply to events received from now on.`);
      onClose();
    } catch (error) {
      handleError(error);
    }
  });

  // After a 412 the list holds the latest (the save refetched it): what the other change did.
  const theirs = conflict && live ? fieldChangesText(base.identifier, live, RULE_FIELDS) : null;

  // FormModal focuses the count field once the reloaded form is enabled again.
  function reload(mode: ReloadMode) {
    return reloadWith(async () => {
      const fresh = await reloadBase();
      const overwritten = showLatest(form, toRulesFormValues(fresh.identifier), mode);
      return fieldChangesText(base.identifier, fresh.identifier, overwritten as IdentifierField[]);
    }, mode);
  }

  const normalization = form.watch('normalization');
  const busy = isSubmitting || mutation.isPending;
  // Said before the save, not only afterwards on the Identifiers tab: this breaks lookups at once.
  const mappings = useQuery(addressTypeMappingsQueryOptions(spaceId));
  const mappedTo = mappedAddressType(mappings.data?.mappings, identifier.key);
  const mappingWarning = mappedTo ? mappedNormalizationWarning(mappedTo, identifier, normalization) : null;

  return (
    <FormModal
      heading={`Edit rules for ${identifier.key}`}
      size="wide"
      initialFocusRef={countRef}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Save rules"
      busy={busy}
      dirty={isDirty}
      saveStatus={modalStatus('Your rules were not saved', theirs, reload)}
    >
      <Stack orientation="vertical" spacing="space80">
        <Paragraph marginBottom="space0">
          {identifier.kind === 'custom' ? 'Custom identifier' : 'Built-in identifier'}
          {identifier.displayName !== identifier.key ? `, shown to agents as “${identifier.displayName}”` : ''}. Changes
          apply to events received after you save; existing profiles are not re-resolved.
        </Paragraph>

        <LimitFields form={form} countRef={countRef} disabled={conflict} />

        <NormalizationField
          field={form.register('normalization')}
          value={normalization}
          warning={mappingWarning}
          disabled={conflict}
        />

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

        <BlockedValuesSection form={form} disabled={conflict} />
      </Stack>
    </FormModal>
  );
}

const COUNT_OPTIONS = { valueAsNumber: true } as const;

/** The limit: how many values, over which window, and the two in one sentence. */
function LimitFields({
  form,
  countRef,
  disabled,
}: {
  form: RulesForm;
  countRef: RefObject<HTMLInputElement | null>;
  disabled: boolean;
}) {
  const ids = { count: useId(), countHelp: useId(), window: useId() };
  const { errors } = form.formState;
  const summary = describeLimit(form.watch('limit.count'), form.watch('limit.window'));
  // The ref is applied by `countElementRef` below.
  const { ref: _registerRef, ...countField } = form.register('limit.count', COUNT_OPTIONS);
  // A stable ref: a new callback on every render is detached and attached again each time, and a
  // re-render while the dialog opens would leave `countRef` empty just when it is to be focused.
  const countElementRef = useCallback(
    (element: HTMLInputElement | null) => {
      form.register('limit.count', COUNT_OPTIONS).ref(element);
      countRef.current = element;
    },
    [form, countRef],
  );
  return (
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
          {/*
           * The range is in the help text and checked by the schema; Paste's step arrows are hidden
           * (index.html). A new element once the field is enabled again (after a conflict's Reload):
           * the one that was disabled kept showing the value typed before, not the one reloaded.
           */}
          <Input
            key={disabled ? 'count-disabled' : 'count'}
            id={ids.count}
            type="number"
            step={1}
            inputMode="numeric"
            aria-describedby={ids.countHelp}
            hasError={errors.limit?.count !== undefined}
            disabled={disabled}
            {...countField}
            ref={countElementRef}
          />
          {errors.limit?.count ? (
            <HelpText id={ids.countHelp} variant="error">
              {errors.limit.count.message}
            </HelpText>
          ) : (
            <HelpText id={ids.countHelp}>1 to 1000.</HelpText>
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
            disabled={disabled}
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
        {/* Hidden while the count is invalid (its error says why); the live region stays to announce the next one. */}
        <Text as="p" aria-live="polite" fontWeight="fontWeightSemibold">
          {summary}
        </Text>
        <Text as="p" color="colorTextWeak" fontSize="fontSize20">
          Values are counted by when they were first seen. When an event would take a profile over this limit, the value
          of the lowest-priority identifier is dropped instead.
        </Text>
      </Box>
    </Box>
  );
}

/** Where focus goes once the rows have re-rendered: a row's value input, or "Add blocked value". */
type FocusTarget = { row: number } | 'add-button';

/**
 * The blocked values, one row each, with Add and "Add suggested values". Removing a row or adding
 * the suggestions unmounts or disables the focused button, so focus moves on explicitly: to the
 * row that took the removed one's place (or "Add blocked value" after the last row), or to the
 * first row added.
 */
function BlockedValuesSection({ form, disabled }: { form: RulesForm; disabled: boolean }) {
  const ids = { heading: useId(), help: useId() };
  const blocked = useFieldArray({ control: form.control, name: 'blockedValues' });
  const addButtonRef = useRef<HTMLButtonElement | null>(null);
  // Set together with the change of rows, so it is applied after the render that shows them.
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const { errors } = form.formState;

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === 'add-button') addButtonRef.current?.focus();
    else form.setFocus(`blockedValues.${focusTarget.row}.value`);
    setFocusTarget(null);
  }, [focusTarget, form]);

  function removeRow(index: number) {
    setFocusTarget(index + 1 < blocked.fields.length ? { row: index } : 'add-button');
    blocked.remove(index);
  }

  const rowsLeft = MAX_BLOCKED_VALUES - blocked.fields.length;
  const missingSuggestions = missingSuggestedValues(form.watch('blockedValues'), SUGGESTED_BLOCKED_VALUES);

  function addSuggested() {
    setFocusTarget({ row: blocked.fields.length });
    blocked.append(missingSuggestions.slice(0, rowsLeft), { shouldFocus: false });
  }

  const rootError = errors.blockedValues?.message ?? errors.blockedValues?.root?.message;

  return (
    <Box as="section" aria-labelledby={ids.heading}>
      <Box marginBottom="space20">
        <Heading as="h3" variant="heading50" id={ids.heading} marginBottom="space0">
          Blocked values
        </Heading>
      </Box>
      <Text as="p" id={ids.help} color="colorTextWeak" fontSize="fontSize20" marginBottom="space40">
        Placeholder values such as “-1” or “anonymous” that must never link profiles. Checked after normalization: an
        exact match ignores case; a regular expression is tested as written (no implicit anchors, at most 200
        characters, and it must not be prone to catastrophic backtracking). Up to {MAX_BLOCKED_VALUES}.
      </Text>
      {blocked.fields.length === 0 ? (
        <Text as="p" marginBottom="space40">
          No blocked values: placeholders such as “null” would become identifier values and could merge unrelated
          customers.
        </Text>
      ) : (
        <Stack orientation="vertical" spacing="space40">
          {blocked.fields.map((field, index) => (
            <BlockedValueRow
              key={field.id}
              form={form}
              index={index}
              disabled={disabled}
              onRemove={() => removeRow(index)}
            />
          ))}
        </Stack>
      )}
      {rootError ? <HelpText variant="error">{rootError}</HelpText> : null}
      <Box display="flex" columnGap="space40" rowGap="space30" alignItems="center" marginTop="space50" flexWrap="wrap">
        <Button
          ref={addButtonRef}
          variant="secondary"
          size="small"
          disabled={disabled || rowsLeft <= 0}
          onClick={() => blocked.append({ value: '', match: 'exact' })}
        >
          <PlusIcon decorative />
          Add blocked value
        </Button>
        <Button
          variant="secondary"
          size="small"
          disabled={disabled || missingSuggestions.length === 0 || rowsLeft <= 0}
          onClick={addSuggested}
        >
          Add suggested values
        </Button>
        <Text as="span" color="colorTextWeak" fontSize="fontSize20">
          {blocked.fields.length} of {MAX_BLOCKED_VALUES}
        </Text>
      </Box>
    </Box>
  );
}

/** One blocked value: the value, how it matches, a remove button, and the value's error. */
function BlockedValueRow({
  form,
  index,
  disabled,
  onRemove,
}: {
  form: RulesForm;
  index: number;
  disabled: boolean;
  onRemove: () => void;
}) {
  const errorId = useId();
  const warningId = useId();
  const valueCellRef = useRef<HTMLDivElement | null>(null);
  const rowErrors = form.formState.errors.blockedValues?.[index];
  const error = rowErrors?.value?.message ?? rowErrors?.match?.message;
  const [value, match] = form.watch([`blockedValues.${index}.value`, `blockedValues.${index}.match`]);
  // Saved all the same (the pattern is valid), but said next to it: it is rarely meant.
  const blocksEverything = !error && match === 'regex' && value !== '' && patternBlocksEveryValue(value);
  const describedBy = error ? errorId : blocksEverything ? warningId : undefined;
  const rowNumber = index + 1;
  // A row's error can depend on its match and on the other rows (a repeat, a regex that no longer
  // needs to compile): once the form re-validates on change, any edit re-checks all of them.
  const revalidateRows = { deps: 'blockedValues' } as const;

  // A failed save focuses the first field in error; the browser scrolls the input into view, not
  // the error below it, which the bottom of the modal body would cut off.
  useEffect(() => {
    const cell = valueCellRef.current;
    if (error && cell?.contains(document.activeElement)) cell.scrollIntoView({ block: 'nearest' });
  }, [error]);

  // On a phone the value takes the whole width, with how it matches and Remove below it: beside
  // them the input and its error would shrink to a few characters a line.
  const narrow = useNarrowViewport();
  return (
    <Box
      display="grid"
      gridTemplateColumns={narrow ? 'minmax(0, 1fr) max-content' : 'minmax(0, 1fr) 13rem max-content'}
      columnGap="space40"
      rowGap="space30"
      alignItems="start"
      // Stacked, a row is told from the next by a rule below it.
      {...(narrow
        ? {
            paddingBottom: 'space40',
            borderBottomStyle: 'solid',
            borderBottomWidth: 'borderWidth10',
            borderBottomColor: 'colorBorderWeaker',
          }
        : {})}
      data-testid={`blocked-value-row-${index}`}
    >
      <Box ref={valueCellRef} gridColumn={narrow ? '1 / -1' : undefined}>
        <Input
          type="text"
          autoComplete="off"
          aria-label={`Blocked value ${rowNumber}`}
          aria-describedby={describedBy}
          hasError={rowErrors?.value !== undefined}
          disabled={disabled}
          {...form.register(`blockedValues.${index}.value`, revalidateRows)}
        />
        {error ? (
          <HelpText id={errorId} variant="error">
            {error}
          </HelpText>
        ) : blocksEverything ? (
          <HelpText id={warningId} variant="warning">
            This pattern matches any value: every value of this identifier would be dropped as blocked. Describe only
            the values to block, e.g. ^unknown$.
          </HelpText>
        ) : null}
      </Box>
      <Select
        aria-label={`Match of blocked value ${rowNumber}`}
        disabled={disabled}
        {...form.register(`blockedValues.${index}.match`, revalidateRows)}
      >
        <Option value="exact">Exact match</Option>
        <Option value="regex">Regular expression</Option>
      </Select>
      <Button
        variant="secondary_icon"
        size="icon"
        aria-label={`Remove blocked value ${rowNumber}`}
        disabled={disabled}
        onClick={onRemove}
      >
        <DeleteIcon decorative />
      </Button>
    </Box>
  );
}
