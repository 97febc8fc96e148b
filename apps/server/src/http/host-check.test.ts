import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { expectProblem } from '../test-support/expect-problem.ts';
import { openTestStore } from '../test-support/test-stores.ts';
import { hostName, hostPolicy } from './host-check.ts';

describe('hostPolicy', () => {
  it('answers only local names on loopback, any name on a network interface, unless told', () => {
    expect(hostPolicy('127.0.0.1', undefined).kind).toBe('local');
    expect(hostPolicy('localhost', undefined).kind).toBe('local');
    expect(hostPolicy('::1', undefined).kind).toBe('local');
    expect(hostPolicy('0.0.0.0', undefined).kind).toBe('any');
    expect(hostPolicy('10.1.2.3', undefined).kind).toBe('any');
    expect(hostPolicy('127.0.0.1', '*').kind).toBe('any');
    // Listing names on a network interface restricts it to them.
    expect(hostPolicy('0.0.0.0', 'idr.example.com')).toEqual({
      kind: 'local',
      listenHost: '0.0.0.0',
      extra: new Set(['idr.example.com']),
    });
  });

  it('reads the name of a Host header', () => {
    expect(hostName('localhost:3000')).toBe('localhost');
    expect(hostName('IDR.Example.com.')).toBe('idr.example.com');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('a server on 127.0.0.1, asked under another name (DNS rebinding)', () => {
  let http: ReturnType<typeof request>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestStore('sqlite');
    dispose = opened.dispose;
    const app = createApp({
      store: opened.store,
      logger: pino({ level: 'silent' }),
      hostPolicy: hostPolicy('127.0.0.1', 'idr.intranet.example'),
    });
    http = request(app);
  });
  afterAll(() => dispose());

  it.each([
    'localhost:3000',
    '127.0.0.1:3000',
    '[::1]:3000',
    '192.168.1.20',
    'console.localhost',
    'IDR.intranet.example',
  ])('answers a request for %s', async (host) => {
    await http.get('/api/v1/spaces').set('Host', host).expect(200);
  });

  it.each(['attacker.example', 'localhost.attacker.example', '127.0.0.1.nip.io:3000'])(
    'refuses a request for %s with 403 forbidden, reads and writes alike',
    async (host) => {
      const read = await http.get('/api/v1/spaces').set('Host', host);
      const problem = expectProblem(read, 403, 'forbidden');
      expect(problem.detail).toMatch(/this server listens on 127\.0\.0\.1 .*IDR_ALLOWED_HOSTS/);
      const write = await http.post('/api/v1/spaces').set('Host', host).send({ id: 'stolen', name: 'Stolen' });
      expectProblem(write, 403, 'forbidden');
      await http.get('/api/v1/spaces/stolen/identifiers').set('Host', 'localhost').expect(404);
    },
  );
});
