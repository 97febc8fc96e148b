import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACE_ID, parseMistypedSpacePath, parseSpacePath, spacePath } from './space-path.ts';

describe('space paths', () => {
  it.each([
    ['/unified-profiles/manage/identifiers', DEFAULT_SPACE_ID, '/unified-profiles/manage/identifiers'],
    ['/', DEFAULT_SPACE_ID, '/'],
    ['/spaces/prod/unified-profiles/manage/lookup-preview', 'prod', '/unified-profiles/manage/lookup-preview'],
    ['/spaces/eu-2', 'eu-2', '/'],
    ['/spaces/eu-2/', 'eu-2', '/'],
    ['/spaces/default/unified-profiles/manage', DEFAULT_SPACE_ID, '/unified-profiles/manage'],
    // Not a space id (SPEC §1): an ordinary path, which no page answers.
    ['/spaces/Prod/unified-profiles', DEFAULT_SPACE_ID, '/spaces/Prod/unified-profiles'],
    ['/spaces/-x/unified-profiles', DEFAULT_SPACE_ID, '/spaces/-x/unified-profiles'],
    ['/spacesx/prod', DEFAULT_SPACE_ID, '/spacesx/prod'],
  ])('%s is the page %s of space %s', (pathname, spaceId, path) => {
    expect(parseSpacePath(pathname)).toEqual({ spaceId, path });
  });

  it('builds short paths for the default space and prefixed ones for the others', () => {
    expect(spacePath(DEFAULT_SPACE_ID, '/unified-profiles/manage/identifiers')).toBe(
      '/unified-profiles/manage/identifiers',
    );
    expect(spacePath('prod', '/unified-profiles/manage/identifiers#address-type-mappings-heading')).toBe(
      '/spaces/prod/unified-profiles/manage/identifiers#address-type-mappings-heading',
    );
  });

  it('reads back what it builds', () => {
    for (const spaceId of [DEFAULT_SPACE_ID, 'prod', 'a', 'z9-z9']) {
      expect(parseSpacePath(spacePath(spaceId, '/unified-profiles/manage/identity-resolution'))).toEqual({
        spaceId,
        path: '/unified-profiles/manage/identity-resolution',
      });
    }
  });
});

describe('mistyped space paths', () => {
  it.each([
    ['/spaces/Prod-EU/unified-profiles/manage/identifiers', 'Prod-EU', '/unified-profiles/manage/identifiers'],
    ['/spaces/Production%20EU/unified-profiles/manage', 'Production EU', '/unified-profiles/manage'],
    ['/spaces/%E0', '%E0', '/'],
    ['/spaces/-x/', '-x', '/'],
  ])('%s names the space “%s”, page %s', (pathname, typed, path) => {
    expect(parseMistypedSpacePath(pathname)).toEqual({ typed, path });
  });

  it.each(['/spaces/prod/unified-profiles/manage', '/unified-profiles/manage', '/spaces', '/spaces/', '/spacesx/Prod'])(
    '%s is not a mistyped space path',
    (pathname) => {
      expect(parseMistypedSpacePath(pathname)).toBeNull();
    },
  );
});
