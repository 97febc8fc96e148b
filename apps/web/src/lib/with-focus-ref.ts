import type { RefObject } from 'react';
import type { FieldValues, Path, UseFormRegisterReturn } from 'react-hook-form';

/**
 * A react-hook-form registration whose element is also kept in `focusRef`: the field a modal
 * focuses first (FormModal's `initialFocusRef`) must be registered and focusable at once.
 */
export function withFocusRef<T extends FieldValues>(
  registration: UseFormRegisterReturn<Path<T>>,
  focusRef: RefObject<HTMLInputElement | null>,
): UseFormRegisterReturn<Path<T>> {
  return {
    ...registration,
    ref: (element: HTMLInputElement | null) => {
      registration.ref(element);
      focusRef.current = element;
    },
  };
}
