import { type Event, EventBatchSchema, type ResolutionResult, toIssues } from '@idr/contracts';
import { parseEvent, planParsedResolution, planResolution, previewEvent, type ResolverSettings } from '@idr/resolver';
import { validationFailed } from '../../http/app-error.ts';
import { newSortableId } from '../../store/ids.ts';
import { createSqlResolverStore } from '../../store/profiles.repository.ts';
import type { Store } from '../../store/store.ts';
import { recordUnrecognizedTypes } from '../../store/unrecognized-types.repository.ts';
import { withEventBodyHint } from './event-body-hint.ts';
import type { ResolverContextLoader } from './resolver-context.ts';

// Outcomes that attach the event to a profile's history.
const RECORDED_OUTCOMES = new Set(['created', 'matched', 'merged']);

/** Runs events through the resolver against the database: one transaction per event. */
export function createEventsService(
  store: Store,
  loadContext: ResolverContextLoader,
  now: () => Date,
  newId: () => string,
) {
  const nowMs = () => now().getTime();

  /**
   * Resolves one event in its own transaction. `validated` is the event as `parseEvent` already
   * accepted it (a single event is checked before, to answer 400): it is not validated again, so
   * the timestamp bound is judged once, against one received time.
   */
  async function resolveOne(
    spaceId: string,
    settings: ResolverSettings,
    raw: unknown,
    validated?: { event: Event; receivedAt: number; at: number },
  ): Promise<ResolutionResult> {
    return store.transaction(
      async (trx) => {
        const resolverStore = createSqlResolverStore(trx, spaceId, { dialect: store.dialect, now: nowMs });
        const input = { settings, store: resolverStore, now: nowMs, newId };
        const decision = validated
          ? await planParsedResolution({ ...input, ...validated })
          : await planResolution({ ...input, event: raw });
        const { result, event } = decision;
        // The event joins the history of the profile it resolved to, written with the plan.
        const receivedAt = nowMs();
        const history =
          event && result.profileId && RECORDED_OUTCOMES.has(result.outcome)
            ? {
                // Ordered by the received time, which the retention (event-history-retention.ts) relies on.
                id: newSortableId(new Date(receivedAt)),
                profileId: result.profileId,
                messageId: result.messageId,
                type: event.type,
                outcome: result.outcome,
                receivedAt,
                payload: raw,
              }
            : null;
        if (decision.plan) await resolverStore.applyRecording(decision.plan, history);
        if (decision.unrecognizedExternalIdTypes.length > 0) {
          await recordUnrecognizedTypes(trx, spaceId, decision.unrecognizedExternalIdTypes, nowMs());
        }
        return result;
      },
      // Two events claiming the same new identifier value (or message id) at once: the loser re-reads and retries.
      { retryOnConflict: true },
    );
  }

  return {
    /** One event (invalid → 400) or `{ batch }` (an invalid event is `rejected` without failing the others). */
    async ingest(spaceId: string, body: Record<string, unknown>): Promise<ResolutionResult[]> {
      const { settings } = await loadContext(store.db, spaceId);
      if ('batch' in body) {
        const envelope = EventBatchSchema.safeParse(body);
        if (!envelope.success) throw validationFailed(toIssues(envelope.error));
        const results: ResolutionResult[] = [];
        // In order: later events of a batch see what earlier ones wrote.
        for (const raw of envelope.data.batch) results.push(await resolveOne(spaceId, settings, raw));
        return results;
      }
      const receivedAt = nowMs();
      const parsed = parseEvent(body, receivedAt);
      if (!parsed.ok) throw validationFailed(withEventBodyHint(body, parsed.issues, false));
      return [await resolveOne(spaceId, settings, body, { event: parsed.event, receivedAt, at: parsed.at })];
    },

    /** Dry run with a trace; reads the current profiles and writes nothing. */
    async preview(spaceId: string, body: Record<string, unknown>): Promise<ResolutionResult> {
      const { settings } = await loadContext(store.db, spaceId);
      const parsed = parseEvent(body, nowMs());
      if (!parsed.ok) throw validationFailed(withEventBodyHint(body, parsed.issues, true));
      const readOnly = createSqlResolverStore(store.db, spaceId, {
        dialect: store.dialect,
        readOnly: true,
        now: nowMs,
      });
      return previewEvent({ settings, event: body, store: readOnly, now: nowMs, newId });
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
