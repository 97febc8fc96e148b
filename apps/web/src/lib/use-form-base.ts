import { useEffect, useRef, useState } from 'react';
import { rebase, saveRebasing } from './rebase.ts';
import { type ReloadMode, resetOptionsFor } from './use-save-status.ts';

interface FormBaseOptions<B> {
  isDirty: boolean;
  /** While a 412 waits for Reload, the base stays where the save failed. */
  paused: boolean;
  /** Whether two bases hold the same values of what the form edits. */
  sameValues: (a: B, b: B) => boolean;
  /**
   * Shows a base's values in the form: one it follows while clean, or the latest after a 412; with
   * `keepValues` (Keep my changes) the form keeps the admin's values on top of it instead.
   */
  reset: (base: B, options?: { keepValues: true }) => void;
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
    if (next.resetForm) latest.current.reset(next.base);
  }, [server, base, isDirty, paused]);

  function save<T>(write: (version: number) => Promise<T>): Promise<T> {
    return saveRebasing(base, write, { load: options.loadLatest, sameValues: options.sameValues, adopt: setBase });
  }

  /** After a 412: the latest becomes the base, its values shown (`theirs`) or the admin's kept on top (`mine`). */
  async function adoptLatest(mode: ReloadMode): Promise<void> {
    const fresh = await options.loadLatest();
    setBase(fresh);
    options.reset(fresh, resetOptionsFor(mode));
  }

  return { base, setBase, save, adoptLatest };
}
