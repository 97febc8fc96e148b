import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ReloadMode } from './use-save-status.ts';

/** Form values are JSON-like (strings, numbers, booleans, arrays, plain objects): equal when their JSON is. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A three-way merge of a form's values after a 412, field by field (a top-level field, e.g. a limit
 * or the list of blocked values, is one unit): the admin's value where they changed the field since
 * `base`, the latest (`theirs`) everywhere else. `overwritten` lists the fields both changed, to
 * different values: there the admin's value replaces theirs when saved.
 */
export function mergeEdits<T extends Record<string, unknown>>(
  base: T,
  mine: T,
  theirs: T,
): { values: T; overwritten: string[] } {
  const values: Record<string, unknown> = { ...theirs };
  const overwritten: string[] = [];
  for (const key of Object.keys(theirs)) {
    if (sameValue(mine[key], base[key])) continue;
    values[key] = mine[key];
    if (!sameValue(theirs[key], base[key]) && !sameValue(theirs[key], mine[key])) overwritten.push(key);
  }
  return { values: values as T, overwritten };
}

/**
 * Makes `latest` the form's defaults while keeping the admin's edits made since `editedFrom` on top
 * (`mergeEdits`), so that "unsaved changes" means changes to the latest. Returns the fields where
 * an edit replaces a different value of the latest.
 */
function resetKeepingEdits<T extends FieldValues, Context, Output>(
  form: UseFormReturn<T, Context, Output>,
  editedFrom: T,
  latest: T,
): string[] {
  const { values, overwritten } = mergeEdits(editedFrom, form.getValues(), latest);
  form.reset(latest);
  form.reset(values, { keepDefaultValues: true });
  return overwritten;
}

/**
 * Shows the latest values in a form after a 412: as they are (`theirs`), or with the admin's edits
 * merged on top (`mine`), the latest becoming the form's defaults either way. Returns the fields
 * whose other change the admin's edits overwrite (none for `theirs`).
 */
export function showLatest<T extends FieldValues, Context, Output>(
  form: UseFormReturn<T, Context, Output>,
  latest: T,
  mode: ReloadMode,
): string[] {
  if (mode === 'theirs') {
    form.reset(latest);
    return [];
  }
  return resetKeepingEdits(form, form.formState.defaultValues as T, latest);
}

/**
 * Shows what a save stored as the form's defaults. A page form stays editable while its save is on
 * the way: a field the admin changed meanwhile (it no longer holds what was `submitted`) keeps the
 * new value, as an unsaved change, rather than being put back to what was saved.
 */
export function showSaved<T extends FieldValues, Context, Output>(
  form: UseFormReturn<T, Context, Output>,
  submitted: T,
  saved: T,
): void {
  resetKeepingEdits(form, submitted, saved);
}
