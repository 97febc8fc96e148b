import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { rebase, saveRebasing } from './rebase.ts';

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

describe('saveRebasing', () => {
  const base: Base = { country: 'US', version: 3 };
  const conflict = new ApiError({ status: 412, code: 'version_conflict', title: 'Version conflict', detail: 'stale' });

  function saver(answers: (Error | string)[]) {
    const versions: number[] = [];
    const save = async (version: number) => {
      versions.push(version);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { save, versions };
  }

  it('saves once on the base when the version still holds', async () => {
    const { save, versions } = saver(['saved']);
    const adopted: Base[] = [];
    const load = async () => ({ country: 'US', version: 9 });
    await expect(
      saveRebasing(base, save, { load, sameValues: sameCountry, adopt: (b) => adopted.push(b) }),
    ).resolves.toBe('saved');
    expect(versions).toEqual([3]);
    expect(adopted).toEqual([]);
  });

  it('saves again on the latest version when only other settings changed', async () => {
    const { save, versions } = saver([conflict, 'saved']);
    const adopted: Base[] = [];
    const load = async () => ({ country: 'US', version: 5 });
    await expect(
      saveRebasing(base, save, { load, sameValues: sameCountry, adopt: (b) => adopted.push(b) }),
    ).resolves.toBe('saved');
    expect(versions).toEqual([3, 5]);
    expect(adopted).toEqual([{ country: 'US', version: 5 }]);
  });

  it('keeps the 412 when the edited value itself changed, or the latest cannot be read', async () => {
    for (const load of [async () => ({ country: 'FR', version: 5 }), async () => Promise.reject(new Error('gone'))]) {
      const { save, versions } = saver([conflict, 'saved']);
      await expect(saveRebasing(base, save, { load, sameValues: sameCountry, adopt: () => {} })).rejects.toBe(conflict);
      expect(versions).toEqual([3]);
    }
  });

  it('saves again at most once, and passes other errors through', async () => {
    const twice = saver([conflict, conflict]);
    const load = async () => ({ country: 'US', version: 5 });
    await expect(saveRebasing(base, twice.save, { load, sameValues: sameCountry, adopt: () => {} })).rejects.toBe(
      conflict,
    );
    expect(twice.versions).toEqual([3, 5]);
    const other = new Error('network');
    const failing = saver([other]);
    await expect(saveRebasing(base, failing.save, { load, sameValues: sameCountry, adopt: () => {} })).rejects.toBe(
      other,
    );
  });
});
