import type { Identifier } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { identifiersQueryOptions, refetchIdentifier } from './identifiers-query.ts';
import { saveRebasing } from './rebase.ts';

/** What an edit of one identifier is saved against: the identifier as it was, and its settings version (If-Match). */
export interface EditBase {
  identifier: Identifier;
  version: number;
}

/**
 * The base of an edit modal. A settings write that left the edited fields alone (e.g. a mapping
 * change) raises the version without conflicting with the edit: the base follows it. A change to
 * the edited fields does not move the base, so saving answers 412 and the user decides; after that
 * (`paused`) nothing moves until `reloadBase` loads the latest.
 */
export function useEditBase(
  spaceId: string,
  initial: EditBase,
  options: { paused: boolean; unchanged: (live: Identifier, base: Identifier) => boolean },
) {
  const list = useQuery(identifiersQueryOptions(spaceId));
  const [base, setBase] = useState<EditBase>(initial);
  const key = initial.identifier.key;
  const live = list.data?.identifiers.find((candidate) => candidate.key === key);
  const liveVersion = list.data?.version;
  const { paused, unchanged } = options;
  useEffect(() => {
    if (!live || liveVersion === undefined || paused) return;
    if (liveVersion > base.version && unchanged(live, base.identifier))
      setBase({ identifier: live, version: liveVersion });
  }, [live, liveVersion, base, paused, unchanged]);

  /** Loads the latest identifier and version as the new base (after a 412); throws if it was deleted. */
  async function reloadBase(): Promise<EditBase> {
    const fresh = await refetchIdentifier(list.refetch, key);
    setBase(fresh);
    return fresh;
  }

  /**
   * Saves against the base; if another settings write raised the version meanwhile and the edited
   * fields are as they were, saves once more against the latest (`saveRebasing`).
   */
  function saveOnBase<T>(save: (version: number) => Promise<T>): Promise<T> {
    return saveRebasing(base, save, {
      load: () => refetchIdentifier(list.refetch, key),
      sameValues: (edited, latest) => unchanged(latest.identifier, edited.identifier),
      adopt: setBase,
    });
  }

  /** `live`: the identifier as the list shows it now (undefined while loading or once deleted). */
  return { base, live, reloadBase, saveOnBase };
}
