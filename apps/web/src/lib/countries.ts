/** A country as the console names it: "United Kingdom (GB)" (its English name, then the ISO code). */
export function countryLabel(
  code: string,
  names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
) {
  return `${names.of(code) ?? code} (${code})`;
}

/** Country choices: every given ISO 3166 code, labelled as `countryLabel` does, by name. */
export function countryOptions(codes: readonly string[]): { code: string; label: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  return codes
    .map((code) => ({ code, label: countryLabel(code, names) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
