import { z } from 'zod';
import { EventSchema } from '@idr/contracts';
import { generateStream } from '../../bench/stream.ts';
const { events } = generateStream(100000);
function time(name: string, fn: (e: any) => unknown) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) { const t = performance.now(); let ok = 0; for (const e of events) if (fn(e)) ok++; best = Math.min(best, performance.now() - t); if (ok < 0) console.log(ok); }
  console.log(name.padEnd(40), best.toFixed(1), 'ms', (best * 10).toFixed(2), 'µs/ev');
}
const IdValue = z.union([z.string(), z.number()]).nullable().optional();
const isPlain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const mk = (traits: z.ZodType, loose: boolean, ts: z.ZodType) => {
  const obj = loose ? z.looseObject : z.object;
  return obj({
    type: z.enum(['identify', 'track', 'page', 'screen', 'group', 'alias']),
    event: z.string().max(200).nullable().optional(),
    messageId: z.string().min(1).max(100).optional(),
    timestamp: ts,
    userId: IdValue, anonymousId: IdValue, groupId: IdValue, previousId: IdValue,
    traits: traits.nullable().optional(), properties: traits.nullable().optional(),
    context: (obj as any)({ traits: traits.nullable().optional(), device: z.looseObject({ id: z.string().nullable().optional(), type: z.string().nullable().optional() }).nullable().optional() }).nullable().optional(),
  });
};
const rec = z.record(z.string(), z.unknown());
const cust = z.custom<Record<string, unknown>>(isPlain);
time('EventSchema.safeParse', (e) => EventSchema.safeParse(e).success);
time('loose, record, datetime', (e) => mk(rec, true, z.iso.datetime({ offset: true }).optional()).safeParse(e).success);
const a = mk(rec, true, z.iso.datetime({ offset: true }).optional());
time('loose, record, datetime (cached)', (e) => a.safeParse(e).success);
const b = mk(cust, true, z.iso.datetime({ offset: true }).optional());
time('loose, custom, datetime', (e) => b.safeParse(e).success);
const c = mk(cust, true, z.string().optional());
time('loose, custom, string ts', (e) => c.safeParse(e).success);
const d = mk(cust, false, z.string().optional());
time('strict-strip, custom, string ts', (e) => d.safeParse(e).success);
time('JSON.stringify', (e) => JSON.stringify(e).length > 5);
time('Date.parse', (e) => Date.parse(e.timestamp) > 0);
const re = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
time('datetime regex', (e) => re.test(e.timestamp));
