import { type Normalization, NormalizationSchema } from '@idr/contracts';
import { Box } from '@twilio-paste/box';
import { Callout, CalloutText } from '@twilio-paste/callout';
import { HelpText } from '@twilio-paste/help-text';
import { Label } from '@twilio-paste/label';
import { Option, Select } from '@twilio-paste/select';
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { NORMALIZATIONS } from './rules-form.ts';

/**
 * The Normalization select of the identifier forms (Add identifier, Edit rules): the four of SPEC §6,
 * what the chosen one does to a value, and a warning when it would not suit a mapped address type.
 */
export function NormalizationField({
  field,
  value,
  warning,
  disabled,
}: {
  field: UseFormRegisterReturn;
  /** The normalization chosen now, explained under the select. */
  value: Normalization;
  warning?: string | null;
  disabled?: boolean;
}) {
  const ids = { select: useId(), help: useId(), warning: useId() };
  return (
    <Box>
      <Label htmlFor={ids.select} required>
        Normalization
      </Label>
      <Select
        id={ids.select}
        {...field}
        aria-describedby={warning ? `${ids.help} ${ids.warning}` : ids.help}
        disabled={disabled}
      >
        {NormalizationSchema.options.map((option) => (
          <Option key={option} value={option}>
            {NORMALIZATIONS[option].label}
          </Option>
        ))}
      </Select>
      <HelpText id={ids.help}>{NORMALIZATIONS[value]?.explanation}</HelpText>
      {warning ? (
        <Box marginTop="space30">
          <Callout variant="warning" id={ids.warning} marginY="space0">
            <CalloutText>{warning}</CalloutText>
          </Callout>
        </Box>
      ) : null}
    </Box>
  );
}
