import { Box } from '@twilio-paste/box';
import { useTheme } from '@twilio-paste/theme';
import { Toast } from '@twilio-paste/toast';
import { createContext, type FocusEvent, type ReactNode, useCallback, useContext, useRef } from 'react';
import { useNarrowViewport } from './use-narrow-viewport.ts';
import { type ToastQueue, type ToastVariant, useToastQueue } from './use-toast-queue.ts';

type PushToast = (message: string, variant?: ToastVariant) => void;

const ToastContext = createContext<PushToast | null>(null);

/** On a phone one toast already covers a good part of the page; wider screens show a short stack. */
const MAX_TOASTS = { narrow: 1, wide: 3 };

/**
 * Lets any component push a toast, and shows them. Paste's Toaster is not used: it moves keyboard
 * focus to each new toast (taking the user away from what they were doing) and sits over the top
 * bar's actions. Here toasts are announced politely and placed below the top bar.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const narrow = useNarrowViewport();
  const queue = useToastQueue(narrow ? MAX_TOASTS.narrow : MAX_TOASTS.wide);
  const { push } = queue;
  const pushToast = useCallback<PushToast>((message, variant = 'success') => push(message, variant), [push]);
  return (
    <ToastContext.Provider value={pushToast}>
      {children}
      <ToastStack queue={queue} narrow={narrow} />
    </ToastContext.Provider>
  );
}

/** Pushes a toast: `toast('Saved')`, `toast('Could not save', 'error')`. */
export function useToast(): PushToast {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast must be used inside <ToastProvider>');
  return push;
}

/**
 * The toasts, newest first, below the sticky top bar. The stack is a live region that is always in
 * the page, so each toast added to it is announced (a region inserted together with its text often
 * is not). Clocks stop while the pointer or keyboard focus is on a toast.
 */
function ToastStack({ queue, narrow }: { queue: ToastQueue; narrow: boolean }) {
  const theme = useTheme();
  const stack = useRef<HTMLDivElement>(null);
  const attention = useAttention(queue);

  function dismiss(id: number) {
    const hadFocus = stack.current?.contains(document.activeElement) ?? false;
    queue.dismiss(id);
    // The dismissed toast took the focus with it: give it back to where the user was before.
    if (hadFocus) attention.returnFocus();
  }

  return (
    <Box
      ref={stack}
      aria-live="polite"
      position="fixed"
      top={`calc(${theme.sizes.sizeTopbar} + ${theme.space.space40})`}
      right={narrow ? 'space40' : 'space70'}
      left={narrow ? 'space40' : undefined}
      // Above the top bar and the sidebar, below dialogs (zIndex80): a toast about the last save
      // must not cover the close button or the text of the dialog opened next.
      zIndex="zIndex70"
      display="flex"
      flexDirection="column"
      alignItems="flex-end"
      rowGap="space40"
      onMouseEnter={attention.onMouseEnter}
      onMouseLeave={attention.onMouseLeave}
      onFocus={attention.onFocus}
      onBlur={attention.onBlur}
    >
      {queue.toasts.map((toast) => (
        // role="none" replaces Paste's role="status": the stack is the live region, and a second
        // one per toast would have each message read twice.
        <Toast key={toast.id} variant={toast.variant} role="none" setFocus={false} onDismiss={() => dismiss(toast.id)}>
          {/* A long display name has no spaces to break at: let it wrap anywhere rather than overflow. */}
          <Box as="span" display="block" overflowWrap="anywhere">
            {toast.message}
          </Box>
        </Toast>
      ))}
    </Box>
  );
}

/** Tracks pointer and keyboard focus on the stack, pausing the queue while either is there. */
function useAttention(queue: Pick<ToastQueue, 'pause' | 'resume'>) {
  const hovered = useRef(false);
  const focused = useRef(false);
  const cameFrom = useRef<HTMLElement | null>(null);

  function update(change: () => void) {
    const before = hovered.current || focused.current;
    change();
    const after = hovered.current || focused.current;
    if (after && !before) queue.pause();
    if (before && !after) queue.resume();
  }

  return {
    onMouseEnter: () => update(() => (hovered.current = true)),
    onMouseLeave: () => update(() => (hovered.current = false)),
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const from = event.relatedTarget;
      if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
      update(() => (focused.current = true));
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (event.currentTarget.contains(event.relatedTarget)) return;
      update(() => (focused.current = false));
    },
    /** A focused element that is removed fires no blur: account for it, then restore focus. */
    returnFocus: () => {
      update(() => (focused.current = false));
      if (cameFrom.current?.isConnected) cameFrom.current.focus();
    },
  };
}
