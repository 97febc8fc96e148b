import { useState } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, isVersionConflict } from './errors.ts';

/**
 * The state a settings form keeps around a save: a 412 conflict (which locks the form until
 * Reload), an error no field explains, and whether Reload is running.
 */
export function useSaveStatus() {
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);

  /** Runs the form's own reload; whatever it throws becomes the form's error. */
  async function reload(load: () => Promise<void>) {
    setReloading(true);
    setFormError(null);
    try {
      await load();
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

  return { conflict, setConflict, formError, setFormError, reloading, reload, showSaveError };
}
