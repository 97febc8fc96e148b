import { describe, expect, it } from 'vitest';
import { ApiError, describeError, NetworkError } from './errors.ts';

/** What an error state shows: "<title>. <detail>". */
function shown(error: unknown): string {
  const { title, detail } = describeError(error);
  return `${title}. ${detail}`.trim();
}

describe('describeError', () => {
  it('says an unexplained error status once, in words', () => {
    // What the client builds from a 500 whose body is not problem+json.
    const error = new ApiError({
      status: 500,
      code: 'unknown',
      title: 'Internal Server Error',
      detail: 'The server answered 500 Internal Server Error',
      requestId: 'r1',
    });
    expect(describeError(error)).toEqual({
      title: 'The server ran into a problem',
      detail: 'It answered HTTP 500 Internal Server Error, without saying why. Try again in a moment.',
      requestId: 'r1',
    });
    expect(shown(error).match(/Internal Server Error/g)).toHaveLength(1);
  });

  it('names unavailable gateways and refused requests, with or without a status text', () => {
    const gateway = new ApiError({
      status: 503,
      code: 'unknown',
      title: 'HTTP 503',
      detail: 'The server answered 503',
    });
    expect(describeError(gateway)).toMatchObject({
      title: 'The server is unavailable',
      detail: 'It answered HTTP 503, without saying why. Try again in a moment.',
    });
    const refused = new ApiError({ status: 405, code: 'unknown', title: 'Method Not Allowed', detail: '' });
    expect(describeError(refused)).toMatchObject({
      title: 'The server refused the request',
      detail: 'It answered HTTP 405 Method Not Allowed, without saying why.',
    });
  });

  it('keeps a problem’s title and detail, leaving out a detail that only restates the title', () => {
    const problem = { status: 404, code: 'profile_not_found', title: 'Profile not found' };
    expect(describeError(new ApiError({ ...problem, detail: 'No profile p1 in space default' }))).toMatchObject({
      title: 'Profile not found',
      detail: 'No profile p1 in space default',
    });
    expect(describeError(new ApiError({ ...problem, detail: 'profile not found.' })).detail).toBe('');
  });

  it('does not repeat that the server cannot be reached', () => {
    const error = new NetworkError('Could not reach the server. Check your connection and try again.');
    expect(shown(error)).toBe(
      'The server cannot be reached. Check your connection and try again. If it keeps failing, the server may be down.',
    );
  });
});
