import { zodResolver } from '@hookform/resolvers/zod';
import { CountryCodeSchema, countryLabel } from '@idr/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { SkeletonLoader } from '@twilio-paste/skeleton-loader';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CountrySelectField } from '../../components/country-select-field.tsx';
import { QueryErrorState } from '../../components/error-state.tsx';
import { ConflictNotice, FormErrorAlert } from '../../components/form-alerts.tsx';
import { useToast } from '../../components/toast.tsx';
import { focusFieldOf, focusIsOnSubmitOrLost, refocusSubmitOf } from '../../lib/focus-when-present.ts';
import { showLatest, showSaved } from '../../lib/merge-edits.ts';
import { loadLatestSettings } from '../../lib/query-client.ts';
import { countryText } from '../../lib/settings-diff.ts';
import { spaceQueryOptions, type VersionedSpace } from '../../lib/space-query.ts';
import { useBeforeUnload } from '../../lib/use-before-unload.ts';
import { useFormBase } from '../../lib/use-form-base.ts';
import { type ReloadMode, useSaveStatus } from '../../lib/use-save-status.ts';
import { useUpdateDefaultCountry } from './identity-resolution-queries.ts';

const DefaultCountryFormSchema = z.object({ defaultCountry: CountryCodeSchema });
type DefaultCountryForm = z.infer<typeof DefaultCountryFormSchema>;

const sameCountry = (a: VersionedSpace, b: VersionedSpace) => a.space.defaultCountry === b.space.defaultCountry;

/** The space's default country (SPEC §1, §6): how phone numbers without a country code are read. */
export function DefaultCountrySection({ spaceId }: { spaceId: string }) {
  const query = useQuery(spaceQueryOptions(spaceId));
  if (query.isLoadingError) return <QueryErrorState heading="The space could not be loaded" query={query} />;
  if (query.isPending) {
    return (
      <Box aria-busy="true" maxWidth="size50">
        <Stack orientation="vertical" spacing="space30">
          <SkeletonLoader width="size10" height="sizeIcon20" />
          <SkeletonLoader height="sizeSquare90" />
        </Stack>
      </Box>
    );
  }
  return <DefaultCountryForm spaceId={spaceId} server={query.data} />;
}

function DefaultCountryForm({ spaceId, server }: { spaceId: string; server: VersionedSpace }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const mutation = useUpdateDefaultCountry(spaceId);
  const { conflict, formError, setFormError, reload, setKeptOver, showSaveError, conflictStatus } = useSaveStatus();
  const form = useForm<DefaultCountryForm>({
    resolver: zodResolver(DefaultCountryFormSchema),
    defaultValues: { defaultCountry: server.space.defaultCountry },
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const busy = isSubmitting || mutation.isPending;
  useBeforeUnload(isDirty, busy);

  // What the form is based on: the country it shows and the version a save sends as If-Match. A
  // change saved elsewhere shows here unless the admin is editing; then a save made on a version
  // whose country someone has changed since answers 412 (see lib/rebase.ts).
  const { base, setBase, save, adoptLatest } = useFormBase(server, {
    isDirty,
    paused: conflict,
    sameValues: sameCountry,
    reset: (next, mode) => showLatest(form, { defaultCountry: next.space.defaultCountry }, mode),
    loadLatest: () => loadLatestSettings(queryClient, spaceId, spaceQueryOptions(spaceId)),
  });

  const onSubmit = form.handleSubmit(async ({ defaultCountry }, event) => {
    setFormError(null);
    const refocus = focusIsOnSubmitOrLost();
    const submitted = form.getValues();
    try {
      const saved = await save((version) => mutation.mutateAsync({ defaultCountry, version }));
      setBase(saved);
      setKeptOver(null);
      showSaved(form, submitted, { defaultCountry: saved.space.defaultCountry });
      if (refocus) focusFieldOf(event, 'defaultCountry');
      toast(`Default country saved: ${countryLabel(saved.space.defaultCountry)}.`);
    } catch (error) {
      showSaveError(error, form.setError, () => 'defaultCountry');
      if (refocus) refocusSubmitOf(event);
    }
  });

  // After a 412 the query holds the latest (the save fetched it): what the other change did.
  const theirs =
    conflict && server.space.defaultCountry !== base.space.defaultCountry
      ? `Default country ${countryText(base.space.defaultCountry)} → ${countryText(server.space.defaultCountry)}`
      : null;

  function reloadLatest(mode: ReloadMode) {
    return reload(async () => ((await adoptLatest(mode)).overwritten.length > 0 ? theirs : null), mode);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Default country">
      <Stack orientation="vertical" spacing="space70">
        <ConflictNotice
          status={conflictStatus('Your default country was not saved', theirs, reloadLatest)}
          reloadShows="default country"
        />
        <FormErrorAlert error={formError} />
        <Box maxWidth="size50">
          <CountrySelectField
            registration={form.register('defaultCountry')}
            selected={form.watch('defaultCountry')}
            error={errors.defaultCountry?.message}
            help="Numbers written without a country code, the way they are dialled at home, are read as numbers of this country, in events and in lookups. Values already on profiles stay as they are."
            disabled={conflict}
          />
        </Box>
        <Box display="flex" flexWrap="wrap" columnGap="space40" rowGap="space30" alignItems="center">
          <Button variant="primary" type="submit" disabled={!isDirty || conflict} loading={busy}>
            Save default country
          </Button>
          {isDirty && !conflict ? (
            <>
              <Button
                variant="secondary"
                onClick={() => {
                  setKeptOver(null);
                  form.reset({ defaultCountry: base.space.defaultCountry });
                }}
                disabled={busy}
              >
                Discard changes
              </Button>
              <Text as="span" color="colorTextWeak" fontSize="fontSize20">
                You have unsaved changes.
              </Text>
            </>
          ) : null}
        </Box>
      </Stack>
    </form>
  );
}
