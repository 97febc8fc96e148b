import { describe, expect, it } from 'vitest';
import { rebase } from './rebase.ts';

interface Base {
  country: string;
  version: number;
}
const sameCountry = (a: Base, b: Base) => a.country === b.country;

describe('rebase', () => {
  const base: Base = { country: 'US', version: 3 };

  it('ignores answers no newer than the base', () => {
    expect(rebase(base, { country: 'GB', version: 3 }, false, sameCountry)).toEqual({ base, resetForm: false });
  });

  it('lets a clean form follow the server', () => {
    const server = { country: 'GB', version: 4 };
    expect(rebase(base, server, false, sameCountry)).toEqual({ base: server, resetForm: true });
  });

  it('moves an edit along when another setting raised the version', () => {
    expect(rebase(base, { country: 'US', version: 5 }, true, sameCountry)).toEqual({
      base: { country: 'US', version: 5 },
      resetForm: false,
    });
  });

  it('keeps an edit on its old version when someone changed the same value, so saving answers 412', () => {
    expect(rebase(base, { country: 'FR', version: 5 }, true, sameCountry)).toEqual({ base, resetForm: false });
  });
});
