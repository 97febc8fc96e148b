import type { Issue } from '@idr/contracts';

/**
 * The issues of an events body that is not an event, with a first issue that says what the body
 * looks like it meant when it has no `type`: several events under another name than `batch` (for
 * `…/events`), or a batch sent to preview, which takes one event. Without this, the only answer is
 * "type is required", which sends the caller looking at the wrong thing.
 */
export function withEventBodyHint(body: Record<string, unknown>, issues: Issue[], preview: boolean): Issue[] {
  if (Object.hasOwn(body, 'type')) return issues;
  if (preview && Object.hasOwn(body, 'batch')) {
    return [{ path: 'batch', message: 'Preview takes one event, not a batch: send the event itself' }, ...issues];
  }
  const listed = Object.keys(body).find((key) => Array.isArray(body[key]));
  if (!preview && listed !== undefined) {
    return [{ path: listed, message: 'Send one event, or several as { "batch": [event, …] }' }, ...issues];
  }
  return issues;
}
