// A deterministic stream of realistic events for the resolver benchmark.

/** A small, fast, seeded PRNG (mulberry32), so every run replays the same stream. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  userId: string;
  email: string;
  phone: string;
  devices: string[];
  known: boolean;
}

/** Counts of each kind of event generated. */
export type StreamMix = Record<string, number>;

/**
 * Generates `count` events over 30 days: anonymous browsing, known users, identifies with email
 * and phone, new devices (cross-device), people signing in on someone else's device (shared
 * device, which the limits refuse) and anonymous profiles that an email later merges.
 */
export function generateStream(count: number, seed = 1): { events: Record<string, unknown>[]; mix: StreamMix } {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const people: Person[] = [];
  const population = Math.max(10, Math.floor(count / 8));
  for (let i = 0; i < population; i++) {
    people.push({
      userId: `user-${i}`,
      email: `person${i}@example.com`,
      // National US numbers, written the ways people write them.
      phone: pick(['(415) 555-', '+1 415 555 ', 'tel:+1-415-555-']) + String(1000 + (i % 9000)).padStart(4, '0'),
      devices: [`anon-${i}-0`],
      known: false,
    });
  }
  const start = Date.parse('2024-03-01T00:00:00Z');
  const span = 30 * 24 * 60 * 60 * 1000;
  const events: Record<string, unknown>[] = [];
  const mix: StreamMix = {};
  for (let n = 0; n < count; n++) {
    const person = pick(people);
    const timestamp = new Date(start + Math.floor((n / count) * span)).toISOString();
    const device = pick(person.devices);
    const roll = random();
    let kind: string;
    let event: Record<string, unknown>;
    if (roll < 0.45) {
      kind = 'anonymous';
      event = {
        type: pick(['page', 'track', 'screen']),
        event: 'Viewed',
        anonymousId: device,
        properties: { path: `/p/${n % 97}` },
      };
    } else if (roll < 0.7 && person.known) {
      kind = 'known';
      event = { type: 'track', event: 'Clicked', userId: person.userId, anonymousId: device, properties: { n } };
    } else if (roll < 0.82) {
      kind = 'identify';
      person.known = true;
      event = {
        type: 'identify',
        userId: person.userId,
        anonymousId: device,
        traits: {
          email: person.email,
          phone: person.phone,
          name: `Person ${person.userId}`,
          plan: pick(['free', 'pro']),
        },
      };
    } else if (roll < 0.9) {
      kind = 'cross_device';
      const fresh = `anon-${person.userId}-${person.devices.length}`;
      if (person.devices.length < 4) person.devices.push(fresh);
      event = {
        type: 'identify',
        userId: person.userId,
        anonymousId: fresh,
        context: { device: { type: 'ios', id: fresh } },
      };
    } else if (roll < 0.95) {
      kind = 'shared_device';
      const other = pick(people);
      event = { type: 'identify', userId: person.userId, anonymousId: pick(other.devices) };
    } else {
      kind = 'merge';
      // An anonymous visitor types the email on a new device: links it to the person's other profile.
      const fresh = `anon-${person.userId}-m${n}`;
      events.push({ type: 'page', anonymousId: fresh, timestamp, messageId: `msg-${n}-a` });
      event = { type: 'track', event: 'Newsletter', anonymousId: fresh, traits: { email: person.email.toUpperCase() } };
      n++;
    }
    mix[kind] = (mix[kind] ?? 0) + 1;
    events.push({ ...event, timestamp, messageId: `msg-${n}` });
  }
  return { events: events.slice(0, count), mix };
}
