import type { Identifier } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { HelpText } from '@twilio-paste/help-text';
import { Input } from '@twilio-paste/input';
import { Label } from '@twilio-paste/label';
import { Option, Select } from '@twilio-paste/select';
import { Text } from '@twilio-paste/text';
import type { useForm } from 'react-hook-form';
import { identifierOptionLabel } from '../../lib/labels.ts';
import type { LookupFormValues } from './lookup-preview.ts';

// The fields of the lookup form that depend on what it searches by, besides the address.

export type LookupForm = ReturnType<typeof useForm<LookupFormValues>>;

/** The manual search: any identifier, and a value normalized with its normalization. */
export function IdentifierValueFields({
  form,
  ids,
  identifiers,
}: {
  form: LookupForm;
  ids: { identifier: string; value: string };
  identifiers: Identifier[] | undefined;
}) {
  const { errors } = form.formState;
  return (
    // The select keeps room for an option label; the value column takes the rest (see the form's grid).
    <Box
      display="grid"
      gridTemplateColumns={['minmax(0, 1fr)', 'minmax(12rem, 1fr) minmax(0, 1fr)']}
      columnGap="space60"
      rowGap="space60"
    >
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
              {identifierOptionLabel(identifier)}
            </Option>
          ))}
        </Select>
        <HelpText id={`${ids.identifier}-help`} variant={errors.identifier ? 'error' : 'default'}>
          {errors.identifier?.message ??
            (identifiers === undefined
              ? 'Loading the identifiers…'
              : 'Search the values of one identifier, e.g. a customer ID.')}
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
  );
}

/** The flow-builder behaviour: create a blank profile holding the address when none is found. */
export function CreateIfNotFoundField({ form, id, checked }: { form: LookupForm; id: string; checked: boolean }) {
  return (
    <Box display="flex" columnGap="space30" alignItems="flex-start" maxWidth="size70">
      <Box
        as="input"
        type="checkbox"
        id={id}
        aria-describedby={`${id}-help`}
        width="sizeIcon20"
        height="sizeIcon20"
        marginTop="space10"
        marginX="space0"
        flexShrink={0}
        {...form.register('createIfNotFound')}
      />
      <Box>
        <Label htmlFor={id} marginBottom="space0">
          Create the profile if none is found
        </Label>
        <HelpText id={`${id}-help`} variant={checked ? 'warning' : 'default'} marginTop="space0">
          {checked
            ? 'This lookup writes: when no profile holds this address, a new profile holding just this value is created in the space.'
            : 'Leave unchecked for a read-only lookup. When checked, a missing profile is created, as a flow builder’s “search for a profile” step does.'}
        </HelpText>
      </Box>
    </Box>
  );
}

/** A field of the API's JSON named in help text: in code type, so that `profileId` does not read as `profileld`. */
function FieldName({ children }: { children: string }) {
  return (
    <Text as="code" fontFamily="fontFamilyCode" fontSize="inherit" color="inherit">
      {children}
    </Text>
  );
}

/** A profile's id, as `POST …/events` results and logs give it; a merged one finds its survivor. */
export function ProfileIdField({ form, id }: { form: LookupForm; id: string }) {
  const error = form.formState.errors.profileId;
  return (
    <Box>
      <Label htmlFor={id} required>
        Profile ID
      </Label>
      <Input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        hasError={error !== undefined}
        aria-describedby={`${id}-help`}
        {...form.register('profileId')}
      />
      <HelpText id={`${id}-help`} variant={error ? 'error' : 'default'}>
        {error?.message ?? (
          <>
            The id an event’s result gives as <FieldName>profileId</FieldName> or in{' '}
            <FieldName>mergedProfileIds</FieldName>. A merged profile’s id finds the profile it was merged into.
          </>
        )}
      </HelpText>
    </Box>
  );
}
