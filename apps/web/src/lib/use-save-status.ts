import { useState } from 'react';

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

  return { conflict, setConflict, formError, setFormError, reloading, reload };
}
