import { EventSchema, eventTimestampIssue } from '@idr/contracts';
import { describe, expect, it } from 'vitest';
import { eventIssueSentence, explainIssue } from './issue-wording.ts';

const TYPE_OPTIONS = 'Invalid option: expected one of "identify"|"track"|"page"|"screen"|"group"|"alias"';

/** The line the dry run shows for one server issue about `event`. */
function line(path: string, message: string, event: Record<string, unknown> = {}): string {
  return eventIssueSentence(explainIssue({ path, message }, event));
}

describe('explainIssue', () => {
  it('tells a missing type from a wrong one, and lists the types plainly', () => {
    expect(line('type', TYPE_OPTIONS, { userId: 'u1' })).toBe(
      'type is required: one of identify, track, page, screen, group or alias',
    );
    expect(line('type', TYPE_OPTIONS, { type: 'purchase' })).toBe(
      'type must be one of identify, track, page, screen, group or alias (not “purchase”)',
    );
    expect(line('type', TYPE_OPTIONS, { type: 5 })).toBe(
      'type must be one of identify, track, page, screen, group or alias',
    );
  });

  it('words length limits', () => {
    expect(line('messageId', 'Too big: expected string to have <=100 characters')).toBe(
      'messageId can be at most 100 characters',
    );
    expect(line('messageId', 'Too small: expected string to have >=1 characters')).toBe('messageId cannot be empty');
    expect(line('context.externalIds.0.type', 'Too small: expected string to have >=3 characters')).toBe(
      'context.externalIds.0.type must be at least 3 characters',
    );
    expect(line('batch', 'Too big: expected array to have <=1000 items')).toBe('batch can have at most 1000 items');
    expect(line('event', 'Too big: expected string to have <201 characters')).toBe(
      'event can be at most 200 characters',
    );
  });

  it('words wrong and missing types, reading nested paths of the event', () => {
    expect(line('traits', 'Invalid input: expected record, received array', { traits: [1] })).toBe(
      'traits must be an object, not a list (array)',
    );
    expect(line('event', 'Invalid input: expected string, received number')).toBe('event must be text, not a number');
    const event = { context: { externalIds: [{ id: 'a' }] } };
    expect(line('context.externalIds.0.type', 'Invalid input: expected string, received undefined', event)).toBe(
      'context.externalIds.0.type is required and must be text',
    );
  });

  it('words formats it knows', () => {
    const phrase =
      'timestamp must be an ISO 8601 date, or date and time, e.g. 2026-01-31T09:30:00Z (a time without a time zone is read as UTC)';
    expect(line('timestamp', 'Invalid ISO datetime')).toBe(phrase);
    const schemaMessage = EventSchema.safeParse({ type: 'page', timestamp: 'yesterday' }).error?.issues[0]?.message;
    expect(line('timestamp', schemaMessage ?? '')).toBe(phrase);
  });

  it("words the bounds of the timestamp as the field's rule", () => {
    const late = eventTimestampIssue('2999-01-01T00:00:00Z', Date.UTC(2024, 0, 1)) ?? '';
    expect(line('timestamp', late)).toBe('timestamp may be at most 24 hours after the time the event is received');
    const early = eventTimestampIssue('1969-12-31T23:59:59Z', Date.UTC(2024, 0, 1)) ?? '';
    expect(line('timestamp', early)).toBe('timestamp may not be before 1970');
  });

  it('keeps messages it does not know, with their path', () => {
    const unknown = 'The server could not read this field';
    expect(explainIssue({ path: 'timestamp', message: unknown }, {})).toEqual({
      path: 'timestamp',
      text: unknown,
      plain: false,
    });
    expect(line('timestamp', unknown)).toBe(`timestamp: ${unknown}`);
    expect(line('previousId', 'Invalid input')).toBe('previousId: Invalid input');
    expect(line('x', 'Invalid input: expected bigint, received string')).toBe(
      'x: Invalid input: expected bigint, received string',
    );
    expect(line('', 'An event may be at most 32768 bytes of JSON')).toBe(
      'The event: An event may be at most 32768 bytes of JSON',
    );
  });
});
