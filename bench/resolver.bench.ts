// Replays a generated stream of realistic events through the resolver on the in-memory store and
// compares it with a baseline measured in the same run: the plain Map lookups and inserts the
// stream implies (one lookup per candidate identifier value, one insert per value added, and the
// duplicate rule's lookup and insert of each message id, SPEC §7.7).

import type { Event, ResolutionResult } from '@idr/contracts';
import { type Identifier, identifierDefaults } from '@idr/contracts';
import {
  compileSettings,
  createMemoryStore,
  parseEvent,
  prepareCandidates,
  type ResolverSettings,
  resolveEvent,
  resolveParsedEvent,
  valueId,
} from '@idr/resolver';
import { generateStream } from './stream.ts';

const EVENT_COUNT = Number(process.env.BENCH_EVENTS ?? 100_000);
const RECEIVED_AT = Date.parse('2024-04-01T00:00:00Z');

function preset(): ResolverSettings {
  const identifier = (key: string, priority: number, overrides: Partial<Identifier> = {}): Identifier => ({
    ...identifierDefaults(key),
    priority,
    ...overrides,
  });
  return {
    defaultCountry: 'US',
    identifiers: [
      identifier('user_id', 1),
      identifier('email', 2),
      identifier('phone', 3, { kind: 'custom', sourceKeys: ['phone'] }),
      identifier('anonymous_id', 4, { limit: { count: 5, window: 'weekly' } }),
      identifier('ios.id', 5),
    ],
  };
}

// Each timed run starts from a collected heap (run with --expose-gc, as `pnpm bench` does), so that
// no run pays for garbage an earlier one left behind: the same treatment for resolver and baseline.
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function replay(
  settings: ResolverSettings,
  events: readonly Record<string, unknown>[],
  parsed: readonly Event[] | null,
): Promise<{ ms: number; results: ResolutionResult[] }> {
  const store = createMemoryStore();
  let next = 0;
  const newId = () => `p${++next}`;
  const now = () => RECEIVED_AT;
  const results: ResolutionResult[] = new Array(events.length);
  collectGarbage();
  const started = performance.now();
  if (parsed) {
    for (let i = 0; i < parsed.length; i++) {
      results[i] = await resolveParsedEvent({
        settings,
        event: parsed[i]!,
        receivedAt: RECEIVED_AT,
        store,
        now,
        newId,
      });
    }
  } else {
    for (let i = 0; i < events.length; i++) {
      results[i] = await resolveEvent({ settings, event: events[i], store, now, newId });
    }
  }
  return { ms: performance.now() - started, results };
}

/** The work a naive resolver cannot avoid: a Map lookup per candidate value, an insert per new value. */
function baseline(lookups: readonly string[][], inserts: readonly string[][]): number {
  const map = new Map<string, string>();
  let hits = 0;
  collectGarbage();
  const started = performance.now();
  for (let i = 0; i < lookups.length; i++) {
    for (const id of lookups[i]!) if (map.get(id) !== undefined) hits++;
    for (const id of inserts[i]!) map.set(id, `p${i}`);
  }
  const ms = performance.now() - started;
  if (hits < 0) console.log(hits); // keeps the loop from being optimised away
  return ms;
}

function best(values: number[]): number {
  return Math.min(...values);
}

async function main(): Promise<void> {
  const settings = preset();
  const { events, mix } = generateStream(EVENT_COUNT);
  const compiled = compileSettings(settings);
  const parsed = events.map((event) => {
    const result = parseEvent(event, RECEIVED_AT);
    if (!result.ok) throw new Error(`Generated an invalid event: ${JSON.stringify(result.issues)}`);
    return result.event;
  });

  // Warm up the JIT (and the phone-number cache, as a running server would have it).
  await replay(settings, events.slice(0, 20_000), null);

  const full: number[] = [];
  const engine: number[] = [];
  let results: ResolutionResult[] = [];
  for (let round = 0; round < 3; round++) {
    const withValidation = await replay(settings, events, null);
    full.push(withValidation.ms);
    results = withValidation.results;
    engine.push((await replay(settings, events, parsed)).ms);
  }

  // A message id is a key of its own kind: the prefix keeps it apart from identifier value ids.
  const messageKey = (event: Event) => (event.messageId === undefined ? [] : [`message:${event.messageId}`]);
  const lookups = parsed.map((event) => [
    ...messageKey(event),
    ...prepareCandidates(compiled, event, null).candidates.map(({ key, value }) => valueId(key, value)),
  ]);
  const inserts = results.map((result, i) => [
    ...messageKey(parsed[i]!),
    ...result.addedIdentifiers.map(({ key, value }) => valueId(key, value)),
  ]);
  const base: number[] = [];
  for (let round = 0; round < 5; round++) base.push(baseline(lookups, inserts));

  const outcomes: Record<string, number> = {};
  const drops: Record<string, number> = {};
  let mergedProfiles = 0;
  for (const result of results) {
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    mergedProfiles += result.mergedProfileIds.length;
    for (const dropped of result.droppedIdentifiers) drops[dropped.reason] = (drops[dropped.reason] ?? 0) + 1;
  }
  const demotions = (drops.limit ?? 0) + (drops.merge_limit ?? 0) + (drops.mapping_limit ?? 0);
  const rate = (ms: number) => Math.round(events.length / (ms / 1000)).toLocaleString('en-US');
  const totalLookups = lookups.reduce((sum, list) => sum + list.length, 0);
  const totalInserts = inserts.reduce((sum, list) => sum + list.length, 0);

  const lines = [
    `events                      ${events.length.toLocaleString('en-US')}  (${Object.entries(mix)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')})`,
    `outcomes                    ${Object.entries(outcomes)
      .map(([outcome, n]) => `${outcome} ${n}`)
      .join(', ')}`,
    `merges                      ${outcomes.merged ?? 0} events, ${mergedProfiles} profiles merged`,
    `demotions                   ${demotions}  (dropped: ${Object.entries(drops)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ')})`,
    `resolver, with validation   ${best(full).toFixed(0)} ms  ${rate(best(full))} events/s`,
    `resolver, pre-validated     ${best(engine).toFixed(0)} ms  ${rate(best(engine))} events/s`,
    `baseline (Map)              ${best(base).toFixed(1)} ms  ${rate(best(base))} events/s  (${totalLookups} lookups, ${totalInserts} inserts)`,
    `ratio, with validation      ${(best(full) / best(base)).toFixed(1)}x`,
    `ratio, pre-validated        ${(best(engine) / best(base)).toFixed(1)}x  (goal: within 5x)`,
  ];
  console.log(lines.join('\n'));
}

await main();
