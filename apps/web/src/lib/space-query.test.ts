import { describe, expect, it } from 'vitest';
import { versionOf } from './space-query.ts';

describe('versionOf', () => {
  it('reads the settings version of an ETag', () => {
    expect(versionOf('7')).toBe(7);
  });

  it('refuses an answer without a usable ETag rather than sending a wrong If-Match', () => {
    expect(() => versionOf(null)).toThrow('The server sent no settings version (ETag)');
    expect(() => versionOf('W/abc')).toThrow('The server sent no settings version (ETag)');
  });
});
