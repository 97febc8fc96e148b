const MINUTES = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SECONDS = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * A moment in the reader's locale and time zone ("Dec 1, 2026, 2:05 AM"), machine-readable too.
 * `seconds` where events follow one another closely (a profile's history); an unreadable value is
 * shown as sent.
 */
export function DateTime({ value, seconds = false }: { value: string; seconds?: boolean }) {
  const date = new Date(value);
  const text = Number.isNaN(date.getTime()) ? value : (seconds ? SECONDS : MINUTES).format(date);
  return <time dateTime={value}>{text}</time>;
}
