import { useCallback, useEffect, useRef, useState } from 'react';

export type ToastVariant = 'success' | 'error' | 'warning' | 'neutral';

export interface QueuedToast {
  id: number;
  message: string;
  variant: ToastVariant;
}

/** How long a toast stays; errors stay until dismissed, so that they can be read in full. */
const DISMISS_AFTER_MS = 5000;

function expires(toast: QueuedToast): boolean {
  return toast.variant !== 'error';
}

export interface ToastQueue {
  /** Newest first, at most `limit`. */
  toasts: readonly QueuedToast[];
  push: (message: string, variant: ToastVariant) => void;
  dismiss: (id: number) => void;
  /** Stops the clocks while the user reads or reaches for a toast (hover, keyboard focus). */
  pause: () => void;
  /** Restarts the clocks: each remaining toast gets its full time again. */
  resume: () => void;
}

/**
 * The toasts on screen, each dismissed after a while. A new toast beyond `limit` drops the oldest,
 * and one with the same message as a toast on screen replaces it.
 */
export function useToastQueue(limit: number): ToastQueue {
  const [toasts, setToasts] = useState<readonly QueuedToast[]>([]);
  // The same list for the callbacks, which stay stable so that pushing a toast re-renders no caller.
  const list = useRef<readonly QueuedToast[]>([]);
  const timers = useRef(new Map<number, number>());
  const nextId = useRef(1);
  const paused = useRef(false);

  const show = useCallback((next: readonly QueuedToast[]) => {
    list.current = next;
    setToasts(next);
  }, []);

  const clearTimer = useCallback((id: number) => {
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const dismiss = useCallback(
    (id: number) => {
      clearTimer(id);
      show(list.current.filter((toast) => toast.id !== id));
    },
    [clearTimer, show],
  );

  const startTimer = useCallback(
    (toast: QueuedToast) => {
      if (!expires(toast) || paused.current) return;
      clearTimer(toast.id);
      timers.current.set(
        toast.id,
        window.setTimeout(() => dismiss(toast.id), DISMISS_AFTER_MS),
      );
    },
    [clearTimer, dismiss],
  );

  const keepAtMost = useCallback(
    (count: number, toasts: readonly QueuedToast[] = list.current) => {
      for (const dropped of toasts.slice(count)) clearTimer(dropped.id);
      return toasts.slice(0, count);
    },
    [clearTimer],
  );

  const push = useCallback(
    (message: string, variant: ToastVariant) => {
      const toast = { id: nextId.current++, message, variant };
      // The same news twice (three saves in a row) is shown once, as the newest.
      const repeated = list.current.filter((old) => old.message === message && old.variant === variant);
      for (const old of repeated) clearTimer(old.id);
      const others = list.current.filter((old) => !repeated.includes(old));
      startTimer(toast);
      show([toast, ...keepAtMost(limit - 1, others)]);
    },
    [limit, clearTimer, keepAtMost, startTimer, show],
  );

  const pause = useCallback(() => {
    paused.current = true;
    for (const id of [...timers.current.keys()]) clearTimer(id);
  }, [clearTimer]);

  const resume = useCallback(() => {
    paused.current = false;
    for (const toast of list.current) startTimer(toast);
  }, [startTimer]);

  // A smaller limit (the window made narrow) drops the extra toasts at once.
  useEffect(() => {
    if (list.current.length > limit) show(keepAtMost(limit));
  }, [limit, keepAtMost, show]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  return { toasts, push, dismiss, pause, resume };
}
