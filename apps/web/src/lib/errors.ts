// The three ways a call can fail (ARCHITECTURE.md, Errors). Kept apart from the api client so the
// app shell can classify errors without loading the contracts and zod, which only the pages need.
import type { Issue } from '@idr/contracts';

/** The server answered with an error (problem+json, or something unexpected on an error status). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** A code of SPEC §9, or `unknown` when the error body was not problem+json (e.g. a proxy page). */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly issues: readonly Issue[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    issues?: readonly Issue[];
    requestId?: string | null;
  }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }
}

/** The request never got an answer: the server is down, the network is gone, or CORS/proxy failed. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The server answered with success, but the body does not match the contract. */
export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
  readonly route: string;
  readonly status: number;
  readonly issues: readonly Issue[];
  readonly requestId: string | null;
  constructor(route: string, status: number, issues: readonly Issue[], requestId: string | null) {
    super(`The server's answer to ${route} does not match the API contract`);
    this.route = route;
    this.status = status;
    this.issues = issues;
    this.requestId = requestId;
  }
}

/** Whether an error is a 412 `version_conflict`: someone else changed the settings first. */
export function isVersionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'version_conflict';
}

/** The title of an error status the server gave no explanation for (e.g. a proxy's error page). */
function unexplainedStatusTitle(status: number): string {
  if (status === 502 || status === 503 || status === 504) return 'The server is unavailable';
  if (status >= 500) return 'The server ran into a problem';
  return 'The server refused the request';
}

/**
 * An error status without a problem+json body: the client only knows the status line. Say it once,
 * in words, rather than the status text as a title and again in a sentence.
 */
function describeUnexplainedStatus(error: ApiError): { title: string; detail: string } {
  // The client stores the status text as the title, or `HTTP <status>` when there was none.
  const statusText = error.title === `HTTP ${error.status}` ? '' : error.title;
  const statusLine = statusText ? `HTTP ${error.status} ${statusText}` : `HTTP ${error.status}`;
  const retry = error.status >= 500 ? ' Try again in a moment.' : '';
  return {
    title: unexplainedStatusTitle(error.status),
    detail: `It answered ${statusLine}, without saying why.${retry}`,
  };
}

/** Compares two messages as a reader would: ignoring case, surrounding spaces and a final period. */
function sameMessage(a: string, b: string): boolean {
  const plain = (text: string) => text.trim().replace(/\.$/, '').toLowerCase();
  return plain(a) === plain(b);
}

/** A short, human explanation of any error the client may throw, for error states and alerts. */
export function describeError(error: unknown): { title: string; detail: string; requestId: string | null } {
  if (error instanceof ApiError) {
    if (error.code === 'unknown') return { ...describeUnexplainedStatus(error), requestId: error.requestId };
    // Error states print "<title>. <detail>": a detail that only restates the title is left out.
    const detail = sameMessage(error.title, error.detail) ? '' : error.detail;
    return { title: error.title, detail, requestId: error.requestId };
  }
  if (error instanceof NetworkError) {
    // Its message ("Could not reach the server…") would restate the title: give the next step instead.
    return {
      title: 'The server cannot be reached',
      detail: 'Check your connection and try again. If it keeps failing, the server may be down.',
      requestId: null,
    };
  }
  if (error instanceof ResponseSchemaError) {
    return {
      title: 'Unexpected answer from the server',
      detail: `${error.message}. The console and the server may be on different versions; reload the page.`,
      requestId: error.requestId,
    };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    requestId: null,
  };
}
