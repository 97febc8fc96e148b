import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerOptions, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@idr/contracts';
import type { Logger } from 'pino';
import { problemDocument } from './problem.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/**
 * Options of the HTTP server: Node's own check for a missing `Host` answers a bare 400 before any
 * handler runs, so it is off and `hostCheck` refuses such a request with a problem instead.
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = { requireHostHeader: false };

interface ClientProblem {
  status: number;
  code: ErrorCode;
  detail: string;
}

// SPEC §9's codes are fixed and none names broken framing. A request Node cannot parse (bad chunked
// encoding, `Content-Length: abc`, two Content-Lengths, a garbled request line) is a request that is
// "not valid": `validation_failed`, not `invalid_json`, which speaks of a body that did arrive.
const MALFORMED: ClientProblem = {
  status: 400,
  code: 'validation_failed',
  detail: 'The request is not valid HTTP/1.1 (its request line, headers or chunked framing cannot be read)',
};

// Where HTTP has a more precise status than 400, keep it (clients and proxies act on 431, 408), and
// pair it with the closest code: a head or chunk extension too large is `payload_too_large`.
const BY_NODE_CODE: Record<string, ClientProblem> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'payload_too_large',
    detail: 'The request line and headers are larger than this server accepts (16 KiB)',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: 'payload_too_large',
    detail: 'The chunk extensions of the body are larger than this server accepts',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'validation_failed',
    detail: 'The request did not arrive completely in time',
  },
};

/** A problem's body and the headers every answer written outside Express carries. */
function problemParts(problem: ClientProblem): { headers: Record<string, string>; body: string } {
  const requestId = randomUUID();
  const body = JSON.stringify(problemDocument({ ...problem, requestId }));
  const headers: Record<string, string> = {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    'X-Request-Id': requestId,
    ...SECURITY_HEADERS,
  };
  return { headers, body };
}

/** A complete HTTP/1.1 response with a problem+json body, written straight to the socket. */
function rawProblemResponse(problem: ClientProblem): string {
  const { headers, body } = problemParts(problem);
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head.join('')}\r\n${body}`;
}

type ServerSocket = Duplex & { _httpMessage?: ServerResponse | null };

/**
 * Calls `then` once no response is in flight on the socket: at once, or when the responses to the
 * requests that arrived whole before the bytes that failed have been written. Node's own handler
 * reads the same internal `_httpMessage` (lib/_http_server.js, socketOnError); pipelined responses
 * are attached to the socket one after the other, so each is waited for in turn.
 */
function afterResponsesInFlight(socket: ServerSocket, then: () => void): void {
  const inFlight = socket._httpMessage;
  if (!inFlight) {
    then();
    return;
  }
  let settled = false;
  const next = () => {
    if (settled) return;
    settled = true;
    // Node attaches the next pipelined response in its own 'finish' listener, which runs first.
    setImmediate(() => afterResponsesInFlight(socket, then));
  };
  inFlight.once('finish', next);
  inFlight.once('close', next);
}

/**
 * Answers what Node's HTTP parser rejects (SPEC §9: no bare 400/431 without a body) with a small
 * problem+json and closes the connection, as Node's default handler does. Only unparsable requests
 * reach `clientError`, so keep-alive for valid ones is untouched.
 *
 * When the bytes that failed follow requests that arrived whole on the same connection (pipelined,
 * or in one packet), those requests are answered first and the problem after them, in order: Node's
 * default handler would destroy the socket under them, losing a write the client never hears of.
 */
export function handleClientErrors(server: Server, logger: Logger): void {
  // The parser reports every later chunk of a connection it gave up on again: answer once.
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (error: Error & { code?: string }, socket: ServerSocket) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    // A client that went away needs no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const inFlight = socket._httpMessage;
    // The request being answered is itself cut short (its body's framing broke): once its response
    // has started, no answer can follow it on this connection.
    if (inFlight && !inFlight.req.complete && inFlight.headersSent) {
      socket.destroy();
      return;
    }
    const problem = (error.code && BY_NODE_CODE[error.code]) || MALFORMED;
    logger.warn({ code: error.code, status: problem.status }, 'refused a request that cannot be parsed');
    const refuse = () => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      // Destroy once flushed: the server keeps half-open sockets, so end() alone could leave it open.
      socket.end(rawProblemResponse(problem), () => socket.destroy());
    };
    if (inFlight && !inFlight.req.complete) refuse();
    else afterResponsesInFlight(socket, refuse);
  });
  answerUnknownExpectations(server);
  refuseConnect(server, logger);
}

/**
 * `Expect` other than `100-continue`: Node would answer a bare 417 without a body. The same 417
 * (RFC 9110 §10.1.1), as a problem that says which expectation was not understood.
 */
function answerUnknownExpectations(server: Server): void {
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const expectation = String(req.headers.expect ?? '').slice(0, 100);
    const { headers, body } = problemParts({
      status: 417,
      code: 'validation_failed',
      detail: `The Expect header asks for "${expectation}"; this server understands only "100-continue"`,
    });
    res.writeHead(417, headers).end(body);
  });
}

/**
 * CONNECT asks for a tunnel, which this server does not open: Node would close the connection
 * without a word. Answered like any method a path does not take (SPEC §9 lists no 405): 404.
 */
function refuseConnect(server: Server, logger: Logger): void {
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    logger.warn({ method: req.method, url: req.url?.slice(0, 200) }, 'refused a CONNECT request');
    socket.on('error', () => socket.destroy());
    socket.end(
      rawProblemResponse({
        status: 404,
        code: 'not_found',
        detail: 'This server opens no tunnels: CONNECT is not answered here',
      }),
      () => socket.destroy(),
    );
  });
}
