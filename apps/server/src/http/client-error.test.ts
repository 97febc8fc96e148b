import { createServer, type Server, type ServerOptions } from 'node:http';
import { connect, type Socket } from 'node:net';
import { ProblemSchema } from '@idr/contracts';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSpace, createTestApp, type TestApp } from '../test-support/test-stores.ts';
import { HTTP_SERVER_OPTIONS, handleClientErrors } from './client-error.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what a server wrote into responses (each of ours carries Content-Length). */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`incomplete response: ${JSON.stringify(rest)}`);
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

/** A raw connection: write bytes, read what arrived so far, learn when the server closed it. */
function openConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  // The server may reset a connection it refuses while we still write; what it sent is what counts.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    write: (bytes: string) => socket.write(bytes, 'latin1'),
    /** Resolves once `count` complete responses arrived. */
    async responses(count: number): Promise<RawResponse[]> {
      for (let i = 0; i < 200; i += 1) {
        try {
          const parsed = parseResponses(received);
          if (parsed.length >= count) return parsed;
        } catch {
          // not all there yet
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`expected ${count} responses, got ${JSON.stringify(received)}`);
    },
    closed,
    isClosed: () => socket.destroyed || socket.readableEnded,
    destroy: () => socket.destroy(),
  };
}

/** Sends raw bytes on a fresh connection and returns everything the server wrote before closing. */
async function exchange(port: number, bytes: string): Promise<RawResponse[]> {
  const connection = openConnection(port);
  connection.write(bytes);
  await connection.closed;
  return connection.responses(0);
}

function expectRawProblem(response: RawResponse | undefined, status: number, code: string) {
  expect(response?.status, JSON.stringify(response)).toBe(status);
  expect(response?.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response?.headers.connection).toBe('close');
  expect(response?.headers['x-content-type-options']).toBe('nosniff');
  const problem = ProblemSchema.parse(JSON.parse(response?.body ?? ''));
  expect(problem).toMatchObject({ status, code });
  expect(problem.requestId).toBe(response?.headers['x-request-id']);
}

describe('requests the HTTP parser refuses', () => {
  let t: TestApp;
  const servers: Server[] = [];
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  afterAll(() => t.dispose());

  /** The app behind a real http.Server with the handler main.ts attaches; returns its port. */
  async function listen(options: ServerOptions = {}): Promise<number> {
    const server = createServer({ ...HTTP_SERVER_OPTIONS, ...options }, t.app);
    handleClientErrors(server, pino({ level: 'silent' }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    return address.port;
  }

  it('answers broken framing with a 400 validation_failed problem and closes the connection', async () => {
    const port = await listen();
    const malformed = [
      'GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /api/v1/spaces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      'POST /api/v1/spaces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'GET /api/v1/healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n',
      'not http at all\r\n\r\n',
    ];
    for (const bytes of malformed) {
      const responses = await exchange(port, bytes);
      expect(responses, bytes).toHaveLength(1);
      expectRawProblem(responses[0], 400, 'validation_failed');
    }
  });

  it('answers a URL over 16 KiB with 431 and a payload_too_large problem', async () => {
    const port = await listen();
    const [response] = await exchange(port, `GET /api/v1/${'a'.repeat(17 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectRawProblem(response, 431, 'payload_too_large');
  });

  it('answers a request that does not arrive in time with 408 and a problem', async () => {
    const port = await listen({ headersTimeout: 200, requestTimeout: 300, connectionsCheckingInterval: 50 });
    const [response] = await exchange(port, 'GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n');
    expectRawProblem(response, 408, 'validation_failed');
  });

  it('keeps valid requests on a keep-alive connection, then refuses a malformed one on it', async () => {
    const port = await listen();
    const connection = openConnection(port);
    connection.write('GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const [first] = await connection.responses(1);
    expect(first?.status).toBe(200);
    expect(first?.headers.connection).toBe('keep-alive');
    connection.write('GET /api/v1/readyz HTTP/1.1\r\nHost: x\r\n\r\n');
    const [, second] = await connection.responses(2);
    expect(second?.status).toBe(200);
    expect(connection.isClosed()).toBe(false);
    connection.write('GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
    await connection.closed;
    const responses = await connection.responses(3);
    expect(responses).toHaveLength(3);
    expectRawProblem(responses[2], 400, 'validation_failed');
  });

  it('answers pipelined requests that arrived whole first, then the malformed one after them, in order', async () => {
    const port = await listen();
    const responses = await exchange(
      port,
      'GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/healthz HTTP/1.1\r\nContent-Length: abc\r\n\r\n',
    );
    // Node's default handler would destroy the socket with the healthz answer still pending.
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
    expectRawProblem(responses[1], 400, 'validation_failed');
  });

  it('applies and answers a write sent in one packet with a malformed request behind it', async () => {
    const port = await listen();
    const space = await createSpace(t.http);
    const body = JSON.stringify({ displayName: 'Work email' });
    const responses = await exchange(
      port,
      `PATCH /api/v1/spaces/${space}/identifiers/email HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body}` +
        'GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
    );
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
    const email = await t.http.get(`/api/v1/spaces/${space}/identifiers/email`).expect(200);
    expect(email.body.displayName).toBe('Work email');
  });

  it('answers a request without Host, an unknown Expect and CONNECT with a problem, not a bare status or silence', async () => {
    const port = await listen();
    const [noHost] = await exchange(port, 'GET /api/v1/healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(noHost?.status).toBe(400);
    expect(ProblemSchema.parse(JSON.parse(noHost?.body ?? '')).detail).toMatch(/no Host header/);
    // HTTP/1.0 has no Host header to require.
    const [http10] = await exchange(port, 'GET /api/v1/healthz HTTP/1.0\r\n\r\n');
    expect(http10?.status).toBe(200);
    const [expectation] = await exchange(
      port,
      'GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n',
    );
    expectRawProblem(expectation, 417, 'validation_failed');
    expect(ProblemSchema.parse(JSON.parse(expectation?.body ?? '')).detail).toMatch(/"200-ok"/);
    const [connect] = await exchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expectRawProblem(connect, 404, 'not_found');
  });
});
