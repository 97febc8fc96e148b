import { z } from 'zod';
import { IsoDateTimeSchema } from './common.ts';
import { ResolutionOutcomeSchema } from './events.ts';
import { ProfileIdSchema } from './profiles.ts';

/** An event as recorded on a profile (the profile it resolved to, or one merged into it since). */
export const ProfileEventSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  type: z.string(),
  outcome: ResolutionOutcomeSchema,
  /** The profile the event resolved to when it arrived (may since have been merged into this one). */
  profileId: ProfileIdSchema,
  receivedAt: IsoDateTimeSchema,
  /** The event as received. */
  payload: z.record(z.string(), z.unknown()),
});
export type ProfileEvent = z.infer<typeof ProfileEventSchema>;

/** `GET …/profiles/:id/events`: newest first, paged by cursor. */
export const ProfileEventsPageSchema = z.object({
  events: z.array(ProfileEventSchema),
  nextCursor: z.string().nullable(),
});
export type ProfileEventsPage = z.infer<typeof ProfileEventsPageSchema>;

/** Body of `POST …/events`: one event, or `{ batch: [event…] }`; validated event by event by the server. */
export const EventsRequestSchema = z
  .record(z.string(), z.unknown(), {
    error: 'Send one event as a JSON object, or several as { "batch": [event, …] }',
  })
  .describe('One Segment-shaped event, or { batch: [event, …] } with at most 1000 events');
