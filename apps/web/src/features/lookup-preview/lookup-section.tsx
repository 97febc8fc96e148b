import { zodResolver } from '@hookform/resolvers/zod';
import type { AddressType, Identifier, LookupRequest, LookupResponse } from '@idr/contracts';
import { Anchor } from '@twilio-paste/anchor';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Heading } from '@twilio-paste/heading';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Option, Select } from '@twilio-paste/select';
import { Stack } from '@twilio-paste/stack';
import { Text } from '@twilio-paste/text';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorState } from '../../components/error-state.tsx';
import { ApiError } from '../../lib/errors.ts';
import { ADDRESS_TYPE_LABEL } from '../../lib/labels.ts';
import { handleLinkClick } from '../../lib/router.ts';
import {
  EMPTY_LOOKUP_FORM,
  LookupFormSchema,
  type LookupFormValues,
  lookupFieldOfIssue,
  toLookupRequest,
} from './lookup-preview.ts';
import { useProfileLookup } from './lookup-preview-queries.ts';
import { Code, Fact, Facts, ProfileCard } from './profile-card.tsx';

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

const ADDRESS_PLACEHOLDER: Record<AddressType, string> = {
  phone: '(415) 555-0100 or +1 415 555 0100',
  email: 'jane@example.com',
};

/** Follows an in-app link to a fragment of another tab: navigates, then scrolls to and focuses its target. */
function openFragmentLink(event: React.MouseEvent<HTMLAnchorElement>, href: string) {
  handleLinkClick(event, href);
  if (!event.defaultPrevented) return;
  const id = new URL(href, window.location.origin).hash.slice(1);
  let frames = 0;
  // The tab switches a render or two after the navigation; wait until its target is shown.
  const reveal = () => {
    const target = id ? document.getElementById(id) : null;
    if (target && target.offsetParent !== null) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    } else if (frames++ < 30) {
      window.requestAnimationFrame(reveal);
    }
  };
  window.requestAnimationFrame(reveal);
}

/** "A call comes in from +1 415 555 0100: which profile does the agent see?" (SPEC §8). */
export function LookupSection({ spaceId, identifiers, mappings, mappingsHref, priorities }: LookupSectionProps) {
  const ids = { searchBy: useId(), address: useId(), identifier: useId(), value: useId(), create: useId() };
  const lookup = useProfileLookup(spaceId);
  const [notMapped, setNotMapped] = useState<AddressType | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const form = useForm<LookupFormValues>({
    resolver: zodResolver(LookupFormSchema),
    defaultValues: EMPTY_LOOKUP_FORM,
  });
  const { errors } = form.formState;
  const searchBy = form.watch('searchBy');
  const createIfNotFound = form.watch('createIfNotFound');
  const byAddress = searchBy !== 'identifier';

  function handleError(error: unknown, request: LookupRequest) {
    if (error instanceof ApiError) {
      if (error.code === 'address_type_not_mapped' && 'addressType' in request) {
        setNotMapped(request.addressType);
        return;
      }
      if (error.code === 'invalid_address') {
        form.setError('address', { type: 'server', message: error.detail || error.title }, { shouldFocus: true });
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

  const onSubmit = form.handleSubmit(async (values) => {
    setNotMapped(null);
    setFailure(null);
    lookup.reset();
    const request = toLookupRequest(values);
    try {
      await lookup.mutateAsync(request);
    } catch (error) {
      handleError(error, request);
    }
  });

  const mappedKey = byAddress ? mappings?.[searchBy] : undefined;
  const mappedIdentifier = identifiers?.find((identifier) => identifier.key === mappedKey);
  const addressHelp = (() => {
    if (!byAddress) return null;
    if (mappedKey === null) {
      return {
        warning: true,
        text: `No identifier is mapped to ${ADDRESS_TYPE_LABEL[searchBy].toLowerCase()}s, so this lookup cannot search yet.`,
      };
    }
    const national = searchBy === 'phone' ? " National numbers are read with the space's default country." : '';
    if (mappedKey === undefined)
      return { warning: false, text: `Searched in the identifier mapped to this address type.${national}` };
    const name =
      mappedIdentifier && mappedIdentifier.displayName !== mappedKey
        ? `“${mappedIdentifier.displayName}” (${mappedKey})`
        : `“${mappedKey}”`;
    return { warning: false, text: `Searched in the identifier ${name}.${national}` };
  })();

  const addressError = errors.address?.message;
  const result = lookup.data;
  const request = lookup.variables;

  return (
    <Stack orientation="vertical" spacing="space70">
      <form onSubmit={onSubmit} noValidate aria-label="Look up a contact">
        <Stack orientation="vertical" spacing="space60">
          <Box
            display="grid"
            gridTemplateColumns={['1fr', 'minmax(12rem, 1fr) 2fr']}
            columnGap="space60"
            rowGap="space60"
            maxWidth="size100"
          >
            <Box>
              <Label htmlFor={ids.searchBy}>Search by</Label>
              <Select
                id={ids.searchBy}
                {...form.register('searchBy', {
                  onChange: () => {
                    form.clearErrors();
                    setNotMapped(null);
                  },
                })}
              >
                <Option value="phone">{ADDRESS_TYPE_LABEL.phone}</Option>
                <Option value="email">{ADDRESS_TYPE_LABEL.email}</Option>
                <Option value="identifier">Identifier value</Option>
              </Select>
            </Box>
            {byAddress ? (
              <Box>
                <Label htmlFor={ids.address} required>
                  Address
                </Label>
                <Input
                  id={ids.address}
                  type={searchBy === 'email' ? 'email' : 'tel'}
                  autoComplete="off"
                  placeholder={ADDRESS_PLACEHOLDER[searchBy]}
                  hasError={addressError !== undefined}
                  aria-describedby={`${ids.address}-help`}
                  {...form.register('address')}
                />
                {addressError ? (
                  <HelpText id={`${ids.address}-help`} variant="error">
                    {addressError}
                  </HelpText>
                ) : (
                  <HelpText id={`${ids.address}-help`} variant={addressHelp?.warning ? 'warning' : 'default'}>
                    {addressHelp?.text}
                  </HelpText>
                )}
              </Box>
            ) : (
              <Box display="grid" gridTemplateColumns={['1fr', '1fr 1fr']} columnGap="space60" rowGap="space60">
                <Box>
                  <Label htmlFor={ids.identifier} required>
                    Identifier
                  </Label>
                  <Select
                    id={ids.identifier}
                    hasError={errors.identifier !== undefined}
                    aria-describedby={`${ids.identifier}-help`}
                    {...form.register('identifier')}
                  >
                    <Option value="">Choose an identifier</Option>
                    {(identifiers ?? []).map((identifier) => (
                      <Option key={identifier.key} value={identifier.key}>
                        {identifier.displayName === identifier.key
                          ? identifier.key
                          : `${identifier.displayName} (${identifier.key})`}
                      </Option>
                    ))}
                  </Select>
                  <HelpText id={`${ids.identifier}-help`} variant={errors.identifier ? 'error' : 'default'}>
                    {errors.identifier?.message ??
                      (identifiers === undefined ? 'Loading the identifiers…' : 'Any identifier, in priority order.')}
                  </HelpText>
                </Box>
                <Box>
                  <Label htmlFor={ids.value} required>
                    Value
                  </Label>
                  <Input
                    id={ids.value}
                    type="text"
                    autoComplete="off"
                    hasError={errors.value !== undefined}
                    aria-describedby={`${ids.value}-help`}
                    {...form.register('value')}
                  />
                  <HelpText id={`${ids.value}-help`} variant={errors.value ? 'error' : 'default'}>
                    {errors.value?.message ?? "Normalized with the identifier's normalization."}
                  </HelpText>
                </Box>
              </Box>
            )}
          </Box>
          {byAddress ? (
            <Box display="flex" columnGap="space30" alignItems="flex-start" maxWidth="size70">
              <Box
                as="input"
                type="checkbox"
                id={ids.create}
                aria-describedby={`${ids.create}-help`}
                width="sizeIcon20"
                height="sizeIcon20"
                marginTop="space10"
                marginX="space0"
                flexShrink={0}
                {...form.register('createIfNotFound')}
              />
              <Box>
                <Label htmlFor={ids.create} marginBottom="space0">
                  Create the profile if none is found
                </Label>
                <HelpText
                  id={`${ids.create}-help`}
                  variant={createIfNotFound ? 'warning' : 'default'}
                  marginTop="space0"
                >
                  {createIfNotFound
                    ? 'This lookup writes: when no profile holds this address, a new profile holding just this value is created in the space.'
                    : 'Leave unchecked for a read-only lookup. When checked, a missing profile is created, as a flow builder’s “search for a profile” step does.'}
                </HelpText>
              </Box>
            </Box>
          ) : null}
          <Box>
            <Button variant="primary" type="submit" loading={lookup.isPending}>
              {byAddress && createIfNotFound ? 'Look up or create' : 'Look up'}
            </Button>
          </Box>
        </Stack>
      </form>

      {notMapped ? (
        <Callout variant="warning" marginY="space0">
          <CalloutHeading as="h3">{ADDRESS_TYPE_LABEL[notMapped]}s are not mapped to an identifier</CalloutHeading>
          <CalloutText>
            The lookup does not know which identifier holds{' '}
            {notMapped === 'phone' ? 'phone numbers' : 'email addresses'}, so it cannot search.
          </CalloutText>
          <CalloutText>
            <Anchor href={mappingsHref} onClick={(event) => openFragmentLink(event, mappingsHref)}>
              Map an identifier to {ADDRESS_TYPE_LABEL[notMapped].toLowerCase()}s
            </Anchor>{' '}
            in the Identifiers tab, under Identifier mapping by address type.
          </CalloutText>
        </Callout>
      ) : null}
      {failure ? <ErrorState heading="The lookup failed" error={failure} /> : null}
      {result && request ? (
        <LookupResult spaceId={spaceId} request={request} result={result} priorities={priorities} />
      ) : null}
    </Stack>
  );
}

function LookupResult({
  spaceId,
  request,
  result,
  priorities,
}: {
  spaceId: string;
  request: LookupRequest;
  result: LookupResponse;
  priorities: ReadonlyMap<string, number>;
}) {
  const headingId = useId();
  const typed = 'address' in request ? request.address : request.value;
  const count = result.profiles.length;
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Heading as="h3" variant="heading40" id={headingId}>
        Lookup result
      </Heading>
      <Box marginBottom="space60">
        <Facts>
          <Fact term="Searched identifier">
            {result.identifier.displayName === result.identifier.key ? (
              <Code>{result.identifier.key}</Code>
            ) : (
              <>
                {result.identifier.displayName}{' '}
                <Text as="span" color="colorTextWeak">
                  (<Code>{result.identifier.key}</Code>)
                </Text>
              </>
            )}
          </Fact>
          <Fact term="Normalized value">
            <Code>{result.normalizedValue}</Code>
            {typed !== result.normalizedValue ? (
              <Text as="span" color="colorTextWeak">
                {' '}
                from “{typed}”
              </Text>
            ) : null}
          </Fact>
        </Facts>
      </Box>
      <Box role="status" marginBottom="space60">
        {result.created ? (
          <Callout variant="success" marginY="space0">
            <CalloutHeading as="h4">Profile created</CalloutHeading>
            <CalloutText>
              No profile held this value, so a new profile holding just {result.identifier.displayName}{' '}
              <Code>{result.normalizedValue}</Code> was created.
            </CalloutText>
          </Callout>
        ) : count === 0 ? (
          <Callout variant="neutral" marginY="space0">
            <CalloutHeading as="h4">No profile holds this value</CalloutHeading>
            <CalloutText>
              An agent receiving this contact would see no customer profile. Check “Create the profile if none is found”
              to create one, as a flow builder’s “search for a profile” step would.
            </CalloutText>
          </Callout>
        ) : (
          <Text as="p">
            {count === 1
              ? 'One profile holds this value: this is what the agent sees.'
              : `${count} profiles hold this value.`}
          </Text>
        )}
      </Box>
      <Stack orientation="vertical" spacing="space60">
        {result.profiles.map((profile) => (
          <ProfileCard key={profile.id} spaceId={spaceId} profile={profile} priorities={priorities} />
        ))}
      </Stack>
    </Box>
  );
}
