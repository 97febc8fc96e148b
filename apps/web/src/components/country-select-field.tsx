import { COUNTRY_CODES, countryLabel, hasNumberingPlan } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { HelpText } from '@twilio-paste/help-text';
import { Label } from '@twilio-paste/label';
import { Option, Select } from '@twilio-paste/select';
import { useId, useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { countryOptions } from '../lib/countries.ts';

/**
 * A "Default country" select of every ISO 3166 country by name, with its help or its error below;
 * a country with no numbering plan (Antarctica…) is allowed but warned about.
 */
export function CountrySelectField({
  registration,
  selected,
  error,
  help,
  required = false,
  disabled = false,
}: {
  registration: UseFormRegisterReturn;
  /** The country chosen now (the form's watched value). */
  selected: string;
  /** The field's error message, shown instead of the help. */
  error: string | undefined;
  help: string;
  required?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  const countries = useMemo(() => countryOptions(COUNTRY_CODES), []);
  return (
    <Box>
      <Label htmlFor={id} required={required}>
        Default country
      </Label>
      <Select
        id={id}
        aria-describedby={`${id}-help`}
        hasError={error !== undefined}
        disabled={disabled}
        {...registration}
      >
        {countries.map((country) => (
          <Option key={country.code} value={country.code}>
            {country.label}
          </Option>
        ))}
      </Select>
      {error === undefined && !hasNumberingPlan(selected) ? (
        <HelpText id={`${id}-help`} variant="warning">
          {`${countryLabel(selected)} has no telephone numbering plan: phone numbers written without a country code cannot be read and are dropped as invalid. Only numbers such as +1 415 555 0100 are read.`}
        </HelpText>
      ) : (
        <HelpText id={`${id}-help`} variant={error ? 'error' : 'default'}>
          {error ?? help}
        </HelpText>
      )}
    </Box>
  );
}
