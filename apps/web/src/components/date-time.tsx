const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in the reader's locale and time zone ("Dec 1, 2026, 2:05 AM"), machine-readable too. */
export function DateTime({ value }: { value: string }) {
  return <time dateTime={value}>{DATE_TIME.format(new Date(value))}</time>;
}
