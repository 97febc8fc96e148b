import { Toaster, useToaster } from '@twilio-paste/toast';
import { createContext, type ReactNode, useCallback, useContext } from 'react';

type ToastVariant = 'success' | 'error' | 'warning' | 'neutral';
type PushToast = (message: string, variant?: ToastVariant) => void;

const ToastContext = createContext<PushToast | null>(null);

/** Renders Paste's toaster once and lets any component push a toast. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const toaster = useToaster();
  const { push } = toaster;
  const pushToast = useCallback<PushToast>(
    (message, variant = 'success') => {
      push({ message, variant, dismissAfter: variant === 'error' ? undefined : 5000 });
    },
    [push],
  );
  return (
    <ToastContext.Provider value={pushToast}>
      {children}
      <Toaster {...toaster} />
    </ToastContext.Provider>
  );
}

/** Pushes a toast: `toast('Saved')`, `toast('Could not save', 'error')`. */
export function useToast(): PushToast {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast must be used inside <ToastProvider>');
  return push;
}
