import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { generateStream } from '../../bench/stream.ts';
const { events } = generateStream(100000);
const phones = [...new Set(events.map((e: any) => e.traits?.phone).filter(Boolean))] as string[];
console.log('distinct', phones.length);
function run() { let ok = 0; for (const p of phones) { const t = p.trim().replace(/^(?:tel|sms|whatsapp):/i, '').trim(); const n = parsePhoneNumberFromString(t, {defaultCountry:'US'}); if (n?.isValid()) ok += n.number.length; } return ok; }
for (let r = 0; r < 6; r++) { const t = performance.now(); run(); const ms = performance.now() - t; console.log((ms).toFixed(1), 'ms', (ms * 1000 / phones.length).toFixed(2), 'µs/parse'); }
