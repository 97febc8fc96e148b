import { countryLabel } from '@idr/contracts';

/** Country choices: every given ISO 3166 code, labelled as `countryLabel` does, by name. */
export function countryOptions(codes: readonly string[]): { code: string; label: string }[] {
  return codes
    .map((code) => ({ code, label: countryLabel(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
