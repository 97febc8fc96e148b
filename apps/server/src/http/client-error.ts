import { randomUUID } from 'node:crypto';
import { type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@idr/contracts';
import type { Logger } from 'pino';
import { problemDocument } from './problem.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

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

/** A complete HTTP/1.1 response with a problem+json body, written straight to the socket. */
function rawProblemResponse(problem: ClientProblem): string {
  const requestId = randomUUID();
  const body = JSON.stringify(problemDocument({ ...problem, requestId }));
  const headers: Record<string, string> = {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    'X-Request-Id': requestId,
    ...SECURITY_HEADERS,
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head.join('')}\r\n${body}`;
}

/**
 * Whether the bytes that failed belong to a request whose response has not started. Node's own
 * handler checks the same internal `_httpMessage` (lib/_http_server.js, socketOnError). A response in
 * flight for a request that did arrive whole means the error is in a later, pipelined request:
 * answering now would pass our problem off as the earlier request's response.
 */
function mayAnswer(socket: Duplex): boolean {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  return socket.writable && (!inFlight || (!inFlight.headersSent && !inFlight.req.complete));
}

/**
 * Answers what Node's HTTP parser rejects (SPEC §9: no bare 400/431 without a body) with a small
 * problem+json and closes the connection, as Node's default handler does. Only unparsable requests
 * reach `clientError`, so keep-alive for valid ones is untouched.
 */
export function handleClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // A client that went away needs no answer.
    if (error.code === 'ECONNRESET' || !mayAnswer(socket)) {
      socket.destroy();
      return;
    }
    const problem = (error.code && BY_NODE_CODE[error.code]) || MALFORMED;
    logger.warn({ code: error.code, status: problem.status }, 'refused a request that cannot be parsed');
    // Destroy once flushed: the server keeps half-open sockets, so end() alone could leave it open.
    socket.end(rawProblemResponse(problem), () => socket.destroy());
  });
}
