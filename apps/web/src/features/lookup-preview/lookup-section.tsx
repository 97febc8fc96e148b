import { zodResolver } from '@hookform/resolvers/zod';
import { type AddressType, countryLabel, hasNumberingPlan, type Identifier, type LookupRequest } from '@idr/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { Option, Select } from '@twilio-paste/select';
import { Stack } from '@twilio-paste/stack';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorState } from '../../components/error-state.tsx';
import { ApiError } from '../../lib/errors.ts';
import { ADDRESS_TYPE_LABEL, ADDRESS_TYPE_PLURAL_LABEL } from '../../lib/labels.ts';
import { normalizationMismatch } from '../../lib/lookup-warnings.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { spaceQueryOptions } from '../../lib/space-query.ts';
import { BusySubmitButton } from './busy-submit-button.tsx';
import { CreateIfNotFoundField, IdentifierValueFields, ProfileIdField } from './lookup-fields.tsx';
import {
  EMPTY_LOOKUP_FORM,
  LookupFormSchema,
  type LookupFormValues,
  lookupFieldOfIssue,
  profileNotFoundMessage,
  toLookupSearch,
} from './lookup-preview.ts';
import { useProfileById, useProfileLookup } from './lookup-preview-queries.ts';
import { LookupResult } from './lookup-result.tsx';
import { MismatchHelp, UnmappedCallout } from './mapping-warnings.tsx';
import { ProfileByIdResult } from './profile-by-id-result.tsx';
import { useReveal } from './reveal.ts';

interface LookupSectionProps {
  spaceId: string;
  /** The space's identifiers, when loaded: for the identifier search and priority order. */
  identifiers: Identifier[] | undefined;
  /** The space's address-type mappings, when loaded: to say which identifier a lookup searches. */
  mappings: Record<AddressType, string | null> | undefined;
  /** Where the address-type mapping is changed (the Identifiers tab), with a fragment to scroll to. */
  mappingsHref: string;
  priorities: ReadonlyMap<string, number>;
}

/**
 * An example address for the field. The national form shown, (415) 555-0100, is a US one: in a
 * space of another country it would be refused, so only the international form is shown there.
 */
function addressPlaceholder(addressType: AddressType, defaultCountry: string | undefined): string {
  if (addressType === 'email') return 'jane@example.com';
  return defaultCountry === 'US' ? '(415) 555-0100 or +1 415 555 0100' : '+1 415 555 0100';
}

/** Which identifier an address lookup searches, for the address field's help text. */
function searchedIdentifierHelp(
  addressType: AddressType,
  mappedIdentifier: Identifier | undefined,
  defaultCountry: string | undefined,
): string {
  const country = defaultCountry ? countryLabel(defaultCountry) : "the space's default country";
  const national =
    addressType !== 'phone'
      ? ''
      : defaultCountry && !hasNumberingPlan(defaultCountry)
        ? ` Write the number with its country code: the default country, ${country}, has no numbering plan to read it without one.`
        : ` Numbers without a country code are read as numbers of ${country}.`;
  if (!mappedIdentifier) return `Searched in the identifier mapped to this address type.${national}`;
  const { key, displayName } = mappedIdentifier;
  const name = displayName === key ? `“${key}”` : `“${displayName}” (${key})`;
  return `Searched in the identifier ${name}.${national}`;
}

/** The server refused a lookup because the address type is not mapped, while the loaded mappings said it was. */
interface RefusedAsUnmapped {
  addressType: AddressType;
  /** The mappings shown then: the refusal stands until fresher mappings arrive. */
  mappings: LookupSectionProps['mappings'];
}

/** "A call comes in from +1 415 555 0100: which profile does the agent see?" (SPEC §8). */
export function LookupSection({ spaceId, identifiers, mappings, mappingsHref, priorities }: LookupSectionProps) {
  // Only to name the country national numbers are read in; the help falls back to words without it.
  const space = useQuery(spaceQueryOptions(spaceId));
  const ids = {
    searchBy: useId(),
    address: useId(),
    identifier: useId(),
    value: useId(),
    profileId: useId(),
    create: useId(),
    unmapped: useId(),
  };
  const queryClient = useQueryClient();
  const lookup = useProfileLookup(spaceId);
  const resetLookup = lookup.reset;
  const byId = useProfileById(spaceId);
  const resetById = byId.reset;
  const busy = lookup.isPending || byId.isPending;
  const [refusedAsUnmapped, setRefusedAsUnmapped] = useState<RefusedAsUnmapped | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureRef = useRef<HTMLDivElement | null>(null);
  useReveal(failureRef, failure, { focus: false });

  const form = useForm<LookupFormValues>({
    resolver: zodResolver(LookupFormSchema),
    defaultValues: EMPTY_LOOKUP_FORM,
  });
  const { errors } = form.formState;
  const searchBy = form.watch('searchBy');
  const createIfNotFound = form.watch('createIfNotFound');
  const addressType = searchBy === 'identifier' || searchBy === 'profileId' ? null : searchBy;

  // A result answers the search that was made: once what is searched changes, it is cleared rather
  // than left under inputs it does not answer. (The create checkbox does not change the search.)
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name === 'createIfNotFound') return;
      resetLookup();
      resetById();
      setFailure(null);
    });
    return () => subscription.unsubscribe();
  }, [form, resetLookup, resetById]);

  const mappedKey = addressType && mappings ? mappings[addressType] : undefined;
  const mappedIdentifier = identifiers?.find((identifier) => identifier.key === mappedKey);
  const refusedNow =
    refusedAsUnmapped && refusedAsUnmapped.mappings === mappings ? refusedAsUnmapped.addressType : null;
  // Known to be unmapped: the lookup would only answer 422, so Look up is disabled and says why.
  const unmapped = addressType !== null && (mappedKey === null || refusedNow === addressType) ? addressType : null;
  const mismatch = addressType ? normalizationMismatch(addressType, mappedIdentifier) : null;

  function handleError(error: unknown, request: LookupRequest) {
    if (error instanceof ApiError) {
      if (error.code === 'address_type_not_mapped' && 'addressType' in request) {
        // Someone removed the mapping since it was loaded: show it now, and load the mappings again.
        setRefusedAsUnmapped({ addressType: request.addressType, mappings });
        void queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
        // Look up is now disabled and would drop focus: move it to the field the warning describes.
        form.setFocus('address');
        return;
      }
      if (error.code === 'invalid_address') {
        // The typed value that cannot be read: the address, or the value of a search by identifier.
        const field = 'addressType' in request ? 'address' : 'value';
        form.setError(field, { type: 'server', message: error.detail || error.title }, { shouldFocus: true });
        return;
      }
      if (error.code === 'identifier_not_found') {
        form.setError('identifier', { type: 'server', message: error.detail || error.title }, { shouldFocus: true });
        return;
      }
      let mapped = false;
      for (const issue of error.issues) {
        const field = lookupFieldOfIssue(issue.path);
        if (field) {
          form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: !mapped });
          mapped = true;
        }
      }
      if (mapped) return;
    }
    setFailure(error);
  }

  function handleProfileError(error: unknown, profileId: string) {
    // Next to the field, like an address that cannot be read, in the tab's words (the server's detail names no space).
    if (error instanceof ApiError && error.code === 'profile_not_found') {
      form.setError('profileId', { type: 'server', message: profileNotFoundMessage(profileId) }, { shouldFocus: true });
      return;
    }
    setFailure(error);
  }

  const onSubmit = form.handleSubmit((values) => {
    // The button stays enabled while a lookup runs, to keep focus: a second submit is ignored.
    if (busy || unmapped) return;
    setFailure(null);
    const search = toLookupSearch(values);
    // Callbacks given to mutate only run for the latest lookup, and not after it was reset (the
    // search changed meanwhile), so a stale answer never shows.
    if (search.kind === 'profile') {
      byId.mutate(search.profileId, { onError: (error) => handleProfileError(error, search.profileId) });
      return;
    }
    const { request } = search;
    lookup.mutate(request, { onError: (error) => handleError(error, request) });
  });

  const result = lookup.data;
  const request = lookup.variables;
  const resultMismatch =
    result && request && 'addressType' in request
      ? normalizationMismatch(
          request.addressType,
          identifiers?.find((identifier) => identifier.key === result.identifier.key),
        )
      : null;

  return (
    <Stack orientation="vertical" spacing="space70">
      <form onSubmit={onSubmit} noValidate aria-label="Look up a contact" aria-busy={busy}>
        <Stack orientation="vertical" spacing="space60">
          {/*
           * Error messages quote what was typed, which may be hundreds of characters with no space:
           * they wrap anywhere, and the columns may not grow past their share for them (`minmax(0, …)`),
           * or a long message would push the fields off screen and squeeze the selects.
           */}
          <Box
            display="grid"
            gridTemplateColumns={['minmax(0, 1fr)', 'minmax(12rem, 1fr) minmax(0, 2fr)']}
            columnGap="space60"
            rowGap="space60"
            maxWidth="size100"
            overflowWrap="anywhere"
          >
            <Box>
              <Label htmlFor={ids.searchBy}>Search by</Label>
              <Select
                id={ids.searchBy}
                aria-describedby={unmapped ? ids.unmapped : undefined}
                {...form.register('searchBy', { onChange: () => form.clearErrors() })}
              >
                <Option value="phone">{ADDRESS_TYPE_LABEL.phone}</Option>
                <Option value="email">{ADDRESS_TYPE_LABEL.email}</Option>
                <Option value="identifier">Identifier value</Option>
                <Option value="profileId">Profile ID</Option>
              </Select>
              {/* Choosing an address type no identifier holds turns Look up off: said at once, not
                  only in the warning further down the page. */}
              <ScreenReaderOnly aria-live="polite">
                {unmapped
                  ? `${ADDRESS_TYPE_PLURAL_LABEL[unmapped]} are not mapped to an identifier: Look up is off.`
                  : ''}
              </ScreenReaderOnly>
            </Box>
            {addressType ? (
              <Box>
                <Label htmlFor={ids.address} required>
                  Address
                </Label>
                <Input
                  id={ids.address}
                  type={addressType === 'email' ? 'email' : 'tel'}
                  autoComplete="off"
                  placeholder={addressPlaceholder(addressType, space.data?.space.defaultCountry)}
                  hasError={errors.address !== undefined}
                  aria-describedby={unmapped ? ids.unmapped : `${ids.address}-help`}
                  {...form.register('address')}
                />
                {/* Unmapped: the callout below says it, once. */}
                {unmapped ? null : (
                  <Box id={`${ids.address}-help`}>
                    {errors.address ? <HelpText variant="error">{errors.address.message}</HelpText> : null}
                    {mismatch ? (
                      <HelpText variant="warning">
                        <MismatchHelp mismatch={mismatch} mappingsHref={mappingsHref} />
                      </HelpText>
                    ) : errors.address ? null : (
                      <HelpText>
                        {searchedIdentifierHelp(addressType, mappedIdentifier, space.data?.space.defaultCountry)}
                      </HelpText>
                    )}
                  </Box>
                )}
              </Box>
            ) : searchBy === 'identifier' ? (
              <IdentifierValueFields form={form} ids={ids} identifiers={identifiers} />
            ) : (
              <ProfileIdField form={form} id={ids.profileId} />
            )}
          </Box>
          {addressType ? <CreateIfNotFoundField form={form} id={ids.create} checked={createIfNotFound} /> : null}
          {unmapped ? <UnmappedCallout id={ids.unmapped} addressType={unmapped} mappingsHref={mappingsHref} /> : null}
          <Box>
            <BusySubmitButton
              busy={busy}
              disabled={unmapped !== null}
              describedBy={unmapped ? ids.unmapped : undefined}
            >
              {addressType && createIfNotFound ? 'Look up or create' : 'Look up'}
            </BusySubmitButton>
          </Box>
        </Stack>
      </form>

      {failure ? (
        <Box ref={failureRef}>
          <ErrorState heading="The lookup failed" error={failure} />
        </Box>
      ) : null}
      {result && request ? (
        <LookupResult
          spaceId={spaceId}
          request={request}
          result={result}
          priorities={priorities}
          identifier={identifiers?.find((identifier) => identifier.key === result.identifier.key)}
          mismatch={resultMismatch}
          mappingsHref={mappingsHref}
        />
      ) : null}
      {byId.data && byId.variables !== undefined ? (
        <ProfileByIdResult spaceId={spaceId} profileId={byId.variables} profile={byId.data} priorities={priorities} />
      ) : null}
    </Stack>
  );
}
