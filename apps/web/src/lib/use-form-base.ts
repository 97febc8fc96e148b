import { useEffect, useRef, useState } from 'react';
import { rebase, saveRebasing } from './rebase.ts';
import type { ReloadMode } from './use-save-status.ts';

interface FormBaseOptions<B> {
  isDirty: boolean;
  /** While a 412 waits for Reload, the base stays where the save failed. */
  paused: boolean;
  /** Whether two bases hold the same values of what the form edits. */
  sameValues: (a: B, b: B) => boolean;
  /**
   * Shows a base's values in the form: one it follows while clean (`theirs`), or the latest after a
   * 412, as it is or with the admin's edits on top (`mine`, see `showLatest`). Answers the fields
   * whose other change the kept edits overwrite.
   */
  reset: (base: B, mode: ReloadMode) => string[];
  /** The latest base from the server, against which a 412 is checked. */
  loadLatest: () => Promise<B>;
}

/**
 * What a settings form on a page (or a dialog without an identifier) edits from: the values it
 * started from and the version a save sends as If-Match. It follows the server's answers as
 * `rebase` says, and `save` goes through `saveRebasing`; `setBase` takes a saved or reloaded base.
 */
export function useFormBase<B extends { version: number }>(server: B, options: FormBaseOptions<B>) {
  const [base, setBase] = useState<B>(server);
  // The callbacks are new at each render; the effect reads the latest without running for them.
  const latest = useRef(options);
  latest.current = options;
  const { isDirty, paused } = options;
  useEffect(() => {
    if (paused) return;
    const next = rebase(base, server, isDirty, latest.current.sameValues);
    if (next.base !== base) setBase(next.base);
    if (next.resetForm) latest.current.reset(next.base, 'theirs');
  }, [server, base, isDirty, paused]);

  function save<T>(write: (version: number) => Promise<T>): Promise<T> {
    return saveRebasing(base, write, { load: options.loadLatest, sameValues: options.sameValues, adopt: setBase });
  }

  /**
   * After a 412: the latest becomes the base, its values shown (`theirs`) or the admin's edits
   * kept on top (`mine`). Answers the latest and the fields whose other change the edits overwrite.
   */
  async function adoptLatest(mode: ReloadMode): Promise<{ fresh: B; overwritten: string[] }> {
    const fresh = await options.loadLatest();
    setBase(fresh);
    return { fresh, overwritten: options.reset(fresh, mode) };
  }

  return { base, setBase, save, adoptLatest };
}
