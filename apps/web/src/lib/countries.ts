const NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** A country as the console names it: "United Kingdom (GB)" (its English name, then the ISO code). */
export function countryLabel(code: string): string {
  return `${NAMES.of(code) ?? code} (${code})`;
}

/** Country choices: every given ISO 3166 code, labelled as `countryLabel` does, by name. */
export function countryOptions(codes: readonly string[]): { code: string; label: string }[] {
  return codes
    .map((code) => ({ code, label: countryLabel(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
