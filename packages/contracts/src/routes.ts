import { z } from 'zod';
import { PageQuerySchema, SpaceIdSchema } from './common.ts';
import type { ErrorCode } from './errors.ts';
import { EventResultsSchema, EventSchema, MAX_EVENT_BATCH_SIZE, ResolutionResultSchema } from './events.ts';
import {
  CreateIdentifierInputSchema,
  IdentifierKeySchema,
  IdentifierListSchema,
  IdentifierSchema,
  ReorderIdentifiersInputSchema,
  UpdateIdentifierInputSchema,
} from './identifiers.ts';
import { AddressTypeMappingsResponseSchema, AddressTypeMappingsSchema } from './mappings.ts';
import { EventsRequestSchema, ProfileEventsPageSchema } from './profile-events.ts';
import { LookupRequestSchema, LookupResponseSchema, ProfileIdSchema, ProfileSchema } from './profiles.ts';
import { AuditPageSchema, SettingsDocumentSchema, SettingsImportSchema } from './settings.ts';
import { CreateSpaceInputSchema, SpaceListSchema, SpaceSchema, UpdateSpaceInputSchema } from './spaces.ts';
import { UnrecognizedIdentifierTypeListSchema } from './unrecognized-types.ts';

/** One route of the API: how to call it, what it answers, which errors it declares. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path below `/api/v1`, e.g. `/spaces/:space`. */
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status and body; `null` for an empty body. */
  success: { status: number; body: z.ZodType | null };
  errors: readonly ErrorCode[];
  /**
   * The body holds events, which are validated one by one (an invalid event of a batch is
   * rejected alone); every other body is refused whole when a string in it cannot be stored.
   */
  eventsBody?: boolean;
  /** Largest accepted body (body-parser syntax); 1 MiB when absent. */
  bodyLimit?: string;
  /** Writes that take `If-Match` and raise the settings version. */
  settingsWrite?: boolean;
  /** Reads that return the settings version as an ETag. */
  returnsEtag?: boolean;
  /** Creations that answer 201 with the new resource's address as `Location`. */
  createdLocation?: boolean;
  /** When the route may answer 308 with a `Location` instead: the description of that answer. */
  permanentRedirect?: string;
  /**
   * The body as the OpenAPI document shows it, when `body` checks less at the door: events are
   * validated one by one after it, so that an invalid event of a batch is rejected alone.
   */
  documentedBody?: z.ZodType;
}

/** Prefix of every API path. */
export const API_PREFIX = '/api/v1';

const SpaceParams = z.object({ space: SpaceIdSchema });
const IdentifierParams = z.object({ space: SpaceIdSchema, key: IdentifierKeySchema });
const ProfileParams = z.object({ space: SpaceIdSchema, id: ProfileIdSchema });

/**
 * An events body as documented: one event, or a batch of them. The two cannot mix, as the server
 * reads them: a body with a `batch` field is a batch, and a batch has no other field (Segment's
 * envelope fields such as `sentAt`, `context` or `writeKey` are refused, not dropped unread).
 */
const EventsBodySchema = z.union([
  z.intersection(EventSchema, z.object({ batch: z.never().optional() }).describe('One event (no batch field)')),
  z.strictObject({ batch: z.array(EventSchema).max(MAX_EVENT_BATCH_SIZE) }).describe('Events resolved in order'),
]);

const BODY_ERRORS = ['invalid_json', 'validation_failed', 'payload_too_large', 'unsupported_media_type'] as const;

function defineRoutes<const T extends Record<string, RouteDefinition>>(table: T): T {
  return table;
}

/** The route table shared by the server (validation) and the web client (URLs, parsing). */
export const routes = defineRoutes({
  listSpaces: {
    method: 'GET',
    path: '/spaces',
    summary: 'List spaces',
    success: { status: 200, body: SpaceListSchema },
    errors: [],
  },
  createSpace: {
    method: 'POST',
    path: '/spaces',
    summary: 'Create a space from a preset or as a copy of another space',
    body: CreateSpaceInputSchema,
    success: { status: 201, body: SpaceSchema },
    errors: [...BODY_ERRORS, 'space_exists', 'space_not_found'],
    createdLocation: true,
  },
  getSpace: {
    method: 'GET',
    path: '/spaces/:space',
    summary: 'Get a space',
    params: SpaceParams,
    success: { status: 200, body: SpaceSchema },
    returnsEtag: true,
    errors: ['space_not_found'],
  },
  updateSpace: {
    method: 'PATCH',
    path: '/spaces/:space',
    summary: 'Rename a space or change its default country',
    params: SpaceParams,
    body: UpdateSpaceInputSchema,
    success: { status: 200, body: SpaceSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'version_conflict'],
    settingsWrite: true,
  },
  listIdentifiers: {
    method: 'GET',
    path: '/spaces/:space/identifiers',
    summary: 'List identifiers in priority order',
    params: SpaceParams,
    success: { status: 200, body: IdentifierListSchema },
    errors: ['space_not_found'],
    returnsEtag: true,
  },
  createIdentifier: {
    method: 'POST',
    path: '/spaces/:space/identifiers',
    summary: 'Add a built-in or custom identifier',
    params: SpaceParams,
    body: CreateIdentifierInputSchema,
    success: { status: 201, body: IdentifierSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'identifier_exists', 'version_conflict'],
    settingsWrite: true,
    createdLocation: true,
  },
  reorderIdentifiers: {
    method: 'PUT',
    path: '/spaces/:space/identifiers/priority',
    summary: 'Set the priority order of every identifier',
    params: SpaceParams,
    body: ReorderIdentifiersInputSchema,
    success: { status: 200, body: IdentifierListSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'version_conflict'],
    settingsWrite: true,
  },
  getIdentifier: {
    method: 'GET',
    path: '/spaces/:space/identifiers/:key',
    summary: 'Get one identifier',
    params: IdentifierParams,
    success: { status: 200, body: IdentifierSchema },
    errors: ['space_not_found', 'identifier_not_found'],
    returnsEtag: true,
  },
  updateIdentifier: {
    method: 'PATCH',
    path: '/spaces/:space/identifiers/:key',
    summary: 'Change the display name, limit, normalization, blocked values or source keys',
    params: IdentifierParams,
    body: UpdateIdentifierInputSchema,
    success: { status: 200, body: IdentifierSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'identifier_not_found', 'version_conflict'],
    settingsWrite: true,
  },
  deleteIdentifier: {
    method: 'DELETE',
    path: '/spaces/:space/identifiers/:key',
    summary: 'Delete an identifier that is not mapped to an address type',
    params: IdentifierParams,
    success: { status: 204, body: null },
    errors: ['space_not_found', 'identifier_not_found', 'identifier_mapped', 'version_conflict'],
    settingsWrite: true,
  },
  getAddressTypeMappings: {
    method: 'GET',
    path: '/spaces/:space/address-type-mappings',
    summary: 'Which identifier holds phone numbers and which holds email addresses',
    params: SpaceParams,
    success: { status: 200, body: AddressTypeMappingsResponseSchema },
    errors: ['space_not_found'],
    returnsEtag: true,
  },
  putAddressTypeMappings: {
    method: 'PUT',
    path: '/spaces/:space/address-type-mappings',
    summary: 'Map the phone and email address types to identifiers',
    params: SpaceParams,
    body: AddressTypeMappingsSchema,
    success: { status: 200, body: AddressTypeMappingsResponseSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'version_conflict'],
    settingsWrite: true,
  },
  getSettings: {
    method: 'GET',
    path: '/spaces/:space/settings',
    summary: "Export a space's whole configuration",
    params: SpaceParams,
    success: { status: 200, body: SettingsDocumentSchema },
    errors: ['space_not_found'],
    returnsEtag: true,
  },
  putSettings: {
    method: 'PUT',
    path: '/spaces/:space/settings',
    summary: "Import (replace) a space's whole configuration",
    params: SpaceParams,
    body: SettingsImportSchema,
    success: { status: 200, body: SettingsDocumentSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'version_conflict'],
    settingsWrite: true,
  },
  listAudit: {
    method: 'GET',
    path: '/spaces/:space/audit',
    summary: 'Page through the settings audit log, newest first',
    params: SpaceParams,
    query: PageQuerySchema,
    success: { status: 200, body: AuditPageSchema },
    errors: ['space_not_found', 'validation_failed'],
  },
  ingestEvents: {
    method: 'POST',
    path: '/spaces/:space/events',
    summary: 'Resolve one event, or a batch of up to 1000 (an invalid event in a batch is rejected alone)',
    params: SpaceParams,
    body: EventsRequestSchema,
    documentedBody: EventsBodySchema,
    eventsBody: true,
    bodyLimit: '32mb',
    success: { status: 200, body: EventResultsSchema },
    errors: [...BODY_ERRORS, 'space_not_found'],
  },
  previewEvent: {
    method: 'POST',
    path: '/spaces/:space/events/preview',
    summary: 'Dry-run one event through the resolver and explain each step; writes nothing',
    params: SpaceParams,
    body: EventsRequestSchema,
    documentedBody: EventSchema,
    eventsBody: true,
    success: { status: 200, body: ResolutionResultSchema },
    errors: [...BODY_ERRORS, 'space_not_found'],
  },
  lookupProfiles: {
    method: 'POST',
    path: '/spaces/:space/profiles/lookup',
    summary: 'Find the profile for an incoming address (or an identifier value), optionally creating it',
    params: SpaceParams,
    body: LookupRequestSchema,
    success: { status: 200, body: LookupResponseSchema },
    errors: [...BODY_ERRORS, 'space_not_found', 'identifier_not_found', 'address_type_not_mapped', 'invalid_address'],
  },
  getProfile: {
    method: 'GET',
    path: '/spaces/:space/profiles/:id',
    summary: 'Get a profile; a merged id answers 308 with the Location of its survivor',
    params: ProfileParams,
    success: { status: 200, body: ProfileSchema },
    errors: ['space_not_found', 'profile_not_found'],
    permanentRedirect: 'The id is of a profile merged into another: Location is the surviving profile',
  },
  listProfileEvents: {
    method: 'GET',
    path: '/spaces/:space/profiles/:id/events',
    summary:
      "Page through a profile's events (including those of profiles merged into it), newest first; a merged id lists its survivor's",
    params: ProfileParams,
    query: PageQuerySchema,
    success: { status: 200, body: ProfileEventsPageSchema },
    errors: ['space_not_found', 'profile_not_found', 'validation_failed'],
  },
  listUnrecognizedIdentifierTypes: {
    method: 'GET',
    path: '/spaces/:space/unrecognized-identifier-types',
    summary: 'External-id types seen in events that match no identifier, for a one-click add',
    params: SpaceParams,
    success: { status: 200, body: UnrecognizedIdentifierTypeListSchema },
    errors: ['space_not_found'],
  },
  healthz: {
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness',
    success: { status: 200, body: z.object({ status: z.literal('ok') }) },
    errors: [],
  },
  readyz: {
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: the store answers',
    success: { status: 200, body: z.object({ status: z.literal('ready') }) },
    errors: ['not_ready'],
  },
});

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** Fills `:param` placeholders of a route path (values are URI-encoded). */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
