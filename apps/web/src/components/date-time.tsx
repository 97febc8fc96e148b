const MINUTES = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SECONDS = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
// On hover: to the second, with the time zone it is given in.
const EXACT = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/**
 * A moment in the reader's locale and time zone ("Dec 1, 2026, 2:05 AM"), machine-readable too,
 * and exact (seconds, time zone) on hover. `seconds` where changes follow one another closely (a
 * profile's events, the change history); an unreadable value is shown as sent.
 */
export function DateTime({ value, seconds = false }: { value: string; seconds?: boolean }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <time dateTime={value}>{value}</time>;
  return (
    <time dateTime={value} title={EXACT.format(date)}>
      {(seconds ? SECONDS : MINUTES).format(date)}
    </time>
  );
}
