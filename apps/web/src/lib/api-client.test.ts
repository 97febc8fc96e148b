import { describe, expect, it } from 'vitest';
import { callRoute } from './api-client.ts';
import { ApiError, describeError, isVersionConflict, NetworkError, ResponseSchemaError } from './errors.ts';
import { shouldRetry } from './query-client.ts';

const identifierList = {
  identifiers: [
    {
      key: 'email',
      kind: 'default',
      displayName: 'Email',
      priority: 1,
      limit: { count: 5, window: 'ever' },
      normalization: 'email',
      blockedValues: [],
      sourceKeys: [],
    },
  ],
  version: 7,
};

function fakeFetch(response: Response | Error) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    if (response instanceof Error) throw response;
    return response;
  };
  return { impl: impl as typeof fetch, calls };
}

function json(body: unknown, init: ResponseInit & { contentType?: string } = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'Content-Type': init.contentType ?? 'application/json', ...(init.headers ?? {}) },
  });
}

describe('callRoute', () => {
  it('builds the URL from the route table and parses the success body and ETag', async () => {
    const { impl, calls } = fakeFetch(json(identifierList, { headers: { ETag: '"7"' } }));
    const result = await callRoute('listIdentifiers', { params: { space: 'default' } }, impl);
    expect(calls[0]?.url).toBe('/api/v1/spaces/default/identifiers');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(result.data.identifiers[0]?.displayName).toBe('Email');
    expect(result.etag).toBe('7');
  });

  it('sends the body as JSON and the version as a quoted If-Match', async () => {
    const { impl, calls } = fakeFetch(json(identifierList.identifiers[0]));
    await callRoute(
      'updateIdentifier',
      { params: { space: 'default', key: 'email' }, body: { displayName: null }, ifMatch: 7 },
      impl,
    );
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(calls[0]?.url).toBe('/api/v1/spaces/default/identifiers/email');
    expect(calls[0]?.init?.method).toBe('PATCH');
    expect(headers['If-Match']).toBe('"7"');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0]?.init?.body).toBe('{"displayName":null}');
  });

  it('adds the query parameters that are set, URL-encoded', async () => {
    const first = fakeFetch(json({ events: [], nextCursor: null }));
    await callRoute('listProfileEvents', { params: { space: 'default', id: 'p/1' }, query: { limit: 10 } }, first.impl);
    expect(first.calls[0]?.url).toBe('/api/v1/spaces/default/profiles/p%2F1/events?limit=10');
    const second = fakeFetch(json({ events: [], nextCursor: null }));
    const query = { limit: 10, cursor: 'a+b' };
    await callRoute('listProfileEvents', { params: { space: 'default', id: 'p1' }, query }, second.impl);
    expect(second.calls[0]?.url).toBe('/api/v1/spaces/default/profiles/p1/events?limit=10&cursor=a%2Bb');
  });

  it('turns problem+json into an ApiError with code, issues and request id', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 400,
      detail: 'The request is invalid',
      code: 'validation_failed',
      requestId: 'req-1',
      issues: [{ path: 'displayName', message: 'Already used by phone' }],
    };
    const { impl } = fakeFetch(json(problem, { status: 400, contentType: 'application/problem+json' }));
    const error = await callRoute('updateIdentifier', { params: { space: 'default', key: 'email' } }, impl).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', requestId: 'req-1' });
    expect((error as ApiError).issues).toEqual(problem.issues);
  });

  it('recognises a 412 version conflict', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Version conflict',
      status: 412,
      detail: 'Settings changed',
      code: 'version_conflict',
      requestId: 'req-2',
    };
    const { impl } = fakeFetch(json(problem, { status: 412 }));
    const error = await callRoute('putAddressTypeMappings', { params: { space: 'default' } }, impl).catch(
      (e: unknown) => e,
    );
    expect(isVersionConflict(error)).toBe(true);
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('classifies an error page that is not problem+json as ApiError code unknown', async () => {
    const { impl } = fakeFetch(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'X-Request-Id': 'r9' },
      }),
    );
    const error = await callRoute('listSpaces', {}, impl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'unknown', requestId: 'r9' });
    expect(shouldRetry(0, error)).toBe(true);
  });

  it('throws NetworkError when fetch rejects, and lets aborts through', async () => {
    const { impl } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await callRoute('listSpaces', {}, impl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(shouldRetry(0, error)).toBe(true);
    expect(shouldRetry(2, error)).toBe(false);

    const aborted = fakeFetch(new DOMException('aborted', 'AbortError'));
    const abortError = await callRoute('listSpaces', {}, aborted.impl).catch((e: unknown) => e);
    expect(abortError).toBeInstanceOf(DOMException);
  });

  it('throws ResponseSchemaError when a success body breaks the contract', async () => {
    const { impl } = fakeFetch(json({ identifiers: [{ key: 'email' }], version: 'x' }));
    const error = await callRoute('listIdentifiers', { params: { space: 'default' } }, impl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseSchemaError);
    expect((error as ResponseSchemaError).issues.length).toBeGreaterThan(0);
    expect(describeError(error).title).toBe('Unexpected answer from the server');
  });

  it('returns null data for an empty success body', async () => {
    const { impl } = fakeFetch(new Response(null, { status: 204 }));
    const result = await callRoute('deleteIdentifier', { params: { space: 'default', key: 'phone' } }, impl);
    expect(result.data).toBeNull();
  });
});
