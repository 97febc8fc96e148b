import { useState } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, isVersionConflict } from './errors.ts';

/**
 * After a 412, what the form takes from the latest version: `theirs` (the latest values, the
 * admin's edits dropped) or `mine` (the latest version as the base, the admin's edits kept on top).
 */
export type ReloadMode = 'theirs' | 'mine';

/** What a form shows of its last save's conflict (`ConflictNotice`), with the form's answers to it. */
export interface ConflictStatus {
  conflict: boolean;
  reloading: boolean | ReloadMode;
  /** What was not saved, e.g. "Your mapping was not saved". */
  notSaved: string;
  /** The other change, in words; `null` when unknown. */
  theirs?: string | null;
  /** The part of the other change the kept edits overwrite, once the admin kept them. */
  keptOver?: string | null;
  onReload: () => void;
  onKeepMine?: () => void;
}

/**
 * The state a settings form keeps around a save: a 412 conflict (which locks the form until
 * Reload or Keep my changes), an error no field explains, which reload is running, and the other
 * change the admin chose to overwrite (`keptOver`, shown until the form saves or drops the edits).
 */
export function useSaveStatus() {
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [reloading, setReloading] = useState<false | ReloadMode>(false);
  const [keptOver, setKeptOver] = useState<string | null>(null);

  /**
   * Runs the form's own reload, which ends the conflict; whatever it throws becomes the form's
   * error. With `mine`, `load` answers what of the other change the kept edits overwrite, in words
   * (`null` when they overwrite none of it).
   */
  async function reload(load: () => Promise<string | null | undefined> | Promise<void>, mode: ReloadMode = 'theirs') {
    setReloading(mode);
    setFormError(null);
    try {
      const overwrites = await load();
      setConflict(false);
      setKeptOver(mode === 'mine' && typeof overwrites === 'string' ? overwrites : null);
    } catch (error) {
      setFormError(error);
    } finally {
      setReloading(false);
    }
  }

  /**
   * Shows why a save failed: a code `explainedByField` names goes to its field; a 412 locks the form until Reload; the issues of a 400 go to the
   * fields `fieldFor` names (the first of them gets focus); anything else, or any issue no field
   * shows, becomes the form's error.
   */
  function showSaveError<T extends FieldValues>(
    error: unknown,
    setError: UseFormSetError<T>,
    fieldFor: (issuePath: string) => FieldPath<T> | null,
    /** An error code one field explains (e.g. `space_exists` on the id): its message goes there. */
    explainedByField?: { code: string; field: FieldPath<T>; message: string },
  ) {
    if (explainedByField && error instanceof ApiError && error.code === explainedByField.code) {
      setError(explainedByField.field, { type: 'server', message: explainedByField.message }, { shouldFocus: true });
      return;
    }
    if (isVersionConflict(error)) {
      setKeptOver(null);
      setConflict(true);
      return;
    }
    if (error instanceof ApiError && error.code === 'validation_failed' && error.issues.length > 0) {
      let shown = 0;
      for (const issue of error.issues) {
        const field = fieldFor(issue.path);
        if (!field) continue;
        setError(field, { type: 'server', message: issue.message }, { shouldFocus: shown === 0 });
        shown += 1;
      }
      if (shown === error.issues.length) return;
    }
    setFormError(error);
  }

  /** What a form shows of its conflict; `reloadAs` is the form's reload, taking theirs or keeping mine. */
  function conflictStatus(
    notSaved: string,
    theirs: string | null,
    reloadAs: (mode: ReloadMode) => void,
  ): ConflictStatus {
    return {
      conflict,
      reloading,
      notSaved,
      theirs,
      keptOver,
      onReload: () => reloadAs('theirs'),
      onKeepMine: () => reloadAs('mine'),
    };
  }

  /** `conflictStatus` and the form's error, as `FormModal` takes them. */
  function modalStatus(notSaved: string, theirs: string | null, reloadAs: (mode: ReloadMode) => void) {
    return { ...conflictStatus(notSaved, theirs, reloadAs), formError };
  }

  return {
    conflict,
    formError,
    setFormError,
    reloading,
    reload,
    keptOver,
    setKeptOver,
    showSaveError,
    conflictStatus,
    modalStatus,
  };
}
