import { zodResolver } from '@hookform/resolvers/zod';
import { ADDRESS_TYPES, type AddressType, type AddressTypeMappings, type Identifier } from '@idr/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutText } from '@twilio-paste/callout';
import { HelpText } from '@twilio-paste/help-text';
import { Label } from '@twilio-paste/label';
import { Paragraph } from '@twilio-paste/paragraph';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Option, Select } from '@twilio-paste/select';
import { SkeletonLoader } from '@twilio-paste/skeleton-loader';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { QueryErrorState } from '../../components/error-state.tsx';
import { ConflictNotice, FormErrorAlert } from '../../components/form-alerts.tsx';
import { useToast } from '../../components/toast.tsx';
import { focusFieldOf, focusIsOnSubmitOrLost, refocusSubmitOf } from '../../lib/focus-when-present.ts';
import { ADDRESS_TYPE_LABEL, identifierOptionLabel } from '../../lib/labels.ts';
import { normalizationWarning } from '../../lib/lookup-warnings.ts';
import { addressTypeMappingsQueryOptions } from '../../lib/mappings-query.ts';
import { showLatest, showSaved } from '../../lib/merge-edits.ts';
import { useWaitsForOutage } from '../../lib/outage.ts';
import { loadLatestSettings } from '../../lib/query-client.ts';
import { joinChanges, mappingChanges } from '../../lib/settings-diff.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useFormBase } from '../../lib/use-form-base.ts';
import { type ReloadMode, useSaveStatus } from '../../lib/use-save-status.ts';
import {
  type MappingBase,
  MappingFormSchema,
  type MappingFormValues,
  mappingClash,
  sameMappingBase,
  toFormValues,
} from './mapping-form.ts';
import { useSaveAddressTypeMappings } from './mappings-queries.ts';

interface AddressTypeMappingsSectionProps {
  spaceId: string;
  /** The space's identifiers; `undefined` while they load or when they failed to load. */
  identifiers: Identifier[] | undefined;
  /** Why the identifiers failed to load, if they did (the page shows that error and its Retry). */
  identifiersError?: unknown;
}

const FIELD_HELP: Record<AddressType, string> = {
  phone: 'Calls, SMS and WhatsApp messages are looked up by this identifier.',
  email: 'Emails are looked up by this identifier.',
};

/** With None chosen: what the address type's lookups then do (SPEC §9: 422 address_type_not_mapped). */
const UNMAPPED_HELP: Record<AddressType, string> = {
  phone:
    'Not mapped: calls, SMS and WhatsApp messages find no profile. Their lookups answer that phone numbers are not mapped.',
  email: 'Not mapped: emails find no profile. Their lookups answer that email addresses are not mapped.',
};

/** The "Identifier mapping by address type" form (SPEC §4). */
export function AddressTypeMappingsSection({
  spaceId,
  identifiers,
  identifiersError = null,
}: AddressTypeMappingsSectionProps) {
  const query = useQuery(addressTypeMappingsQueryOptions(spaceId));
  // During an outage the identifiers have no Retry of their own: the page notice's retries load them.
  const identifiersWait = useWaitsForOutage(identifiersError);

  if (query.isLoadingError) {
    return <QueryErrorState heading="The address-type mappings could not be loaded" query={query} />;
  }
  if (identifiersError !== null && identifiers === undefined) {
    return (
      <Paragraph>
        The mapping can be changed once the identifiers have loaded.
        {identifiersWait ? null : ' Use Retry above to load them again.'}
      </Paragraph>
    );
  }
  if (query.isPending || identifiers === undefined) {
    return (
      <Box
        aria-busy="true"
        display="grid"
        gridTemplateColumns={['1fr', '1fr 1fr']}
        columnGap="space80"
        maxWidth="size100"
      >
        <ScreenReaderOnly>Loading mappings…</ScreenReaderOnly>
        {ADDRESS_TYPES.map((type) => (
          <Stack key={type} orientation="vertical" spacing="space30">
            <SkeletonLoader width="size10" height="sizeIcon20" />
            <SkeletonLoader height="sizeSquare90" />
          </Stack>
        ))}
      </Box>
    );
  }
  return <MappingForm spaceId={spaceId} identifiers={identifiers} server={query.data} />;
}

function MappingForm({
  spaceId,
  identifiers,
  server,
}: {
  spaceId: string;
  identifiers: Identifier[];
  server: MappingBase;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useSaveAddressTypeMappings(spaceId);
  const ids = { phone: useId(), email: useId() };
  const {
    conflict,
    formError,
    setFormError,
    reload: reloadWith,
    setKeptOver,
    showSaveError,
    conflictStatus,
  } = useSaveStatus();

  const form = useForm<MappingFormValues, unknown, AddressTypeMappings>({
    resolver: zodResolver(MappingFormSchema),
    defaultValues: toFormValues(server.mappings),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const busy = isSubmitting || mutation.isPending;
  useBeforeUnload(isDirty, busy);

  const { base, setBase, save, adoptLatest } = useFormBase(server, {
    isDirty,
    paused: conflict,
    sameValues: sameMappingBase,
    reset: (next, mode) => showLatest(form, toFormValues(next.mappings), mode),
    loadLatest: () => loadLatestSettings(queryClient, spaceId, addressTypeMappingsQueryOptions(spaceId)),
  });

  const values = form.watch();
  const byKey = new Map(identifiers.map((identifier) => [identifier.key, identifier]));
  // Shown as soon as both selects hold one identifier, on the select that was changed.
  const clash = mappingClash(values, base.mappings);

  function handleError(error: unknown) {
    showSaveError(
      error,
      form.setError,
      (path) => ADDRESS_TYPES.find((type) => path === type || path.endsWith(`.${type}`)) ?? null,
    );
  }

  const onSubmit = form.handleSubmit(async (mappings, event) => {
    setFormError(null);
    const refocus = focusIsOnSubmitOrLost();
    const submitted = form.getValues();
    try {
      const saved = await save((version) => mutation.mutateAsync({ mappings, version }));
      setBase(saved);
      setKeptOver(null);
      showSaved(form, submitted, toFormValues(saved.mappings));
      if (refocus) focusFieldOf(event, ADDRESS_TYPES[0]);
      toast('Identifier mapping by address type saved.');
    } catch (error) {
      handleError(error);
      if (refocus) refocusSubmitOf(event);
    }
  });

  // After a 412 the query holds the latest (the save fetched it): what the other change did.
  const theirs = conflict ? joinChanges(mappingChanges(base.mappings, server.mappings)) : null;

  function reload(mode: ReloadMode) {
    return reloadWith(async () => {
      const { fresh, overwritten } = await adoptLatest(mode);
      return joinChanges(mappingChanges(base.mappings, fresh.mappings, overwritten as AddressType[]));
    }, mode);
  }

  function discard() {
    setFormError(null);
    setKeptOver(null);
    form.reset(toFormValues(base.mappings));
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Identifier mapping by address type">
      <Stack orientation="vertical" spacing="space70">
        <ConflictNotice status={conflictStatus('Your mapping was not saved', theirs, reload)} reloadShows="mapping" />
        <FormErrorAlert error={formError} />
        <Box
          display="grid"
          gridTemplateColumns={['1fr', '1fr 1fr']}
          columnGap="space80"
          rowGap="space70"
          maxWidth="size100"
        >
          {ADDRESS_TYPES.map((type) => {
            const fieldId = ids[type];
            const helpId = `${fieldId}-help`;
            const warningId = `${fieldId}-warning`;
            const selected = values[type] ? byKey.get(values[type]) : undefined;
            // A select that clashes shows that error alone: its normalization does not matter yet.
            const warning = clash?.field === type ? null : normalizationWarning(type, selected);
            const error = clash?.field === type ? { message: clash.message } : errors[type];
            const mappedKey = values[type];
            const missing = mappedKey && !byKey.has(mappedKey) ? mappedKey : null;
            return (
              <Box key={type}>
                <Label htmlFor={fieldId}>{ADDRESS_TYPE_LABEL[type]}</Label>
                <Select
                  id={fieldId}
                  {...form.register(type)}
                  hasError={error !== undefined}
                  disabled={conflict}
                  aria-describedby={warning ? `${helpId} ${warningId}` : helpId}
                >
                  <Option value="">None</Option>
                  {identifiers.map((identifier) => (
                    <Option key={identifier.key} value={identifier.key}>
                      {identifierOptionLabel(identifier)}
                    </Option>
                  ))}
                  {missing ? <Option value={missing}>{`${missing} (no longer exists)`}</Option> : null}
                </Select>
                {error ? (
                  <HelpText id={helpId} variant="error">
                    {error.message}
                  </HelpText>
                ) : (
                  <HelpText id={helpId} variant={mappedKey ? 'default' : 'warning'}>
                    {mappedKey ? FIELD_HELP[type] : UNMAPPED_HELP[type]}
                  </HelpText>
                )}
                {warning ? (
                  <Box marginTop="space30">
                    <Callout variant="warning" id={warningId} marginY="space0">
                      <CalloutText>{warning}</CalloutText>
                    </Callout>
                  </Box>
                ) : null}
              </Box>
            );
          })}
        </Box>
        <Box display="flex" columnGap="space40" alignItems="center">
          <Button variant="primary" type="submit" disabled={!isDirty || conflict || clash !== null} loading={busy}>
            Save mapping
          </Button>
          {isDirty && !conflict ? (
            <Button variant="secondary" onClick={discard} disabled={busy}>
              Discard changes
            </Button>
          ) : null}
          {isDirty && !conflict ? (
            <Text as="span" color="colorTextWeak" fontSize="fontSize20">
              You have unsaved changes.
            </Text>
          ) : null}
        </Box>
      </Stack>
    </form>
  );
}
