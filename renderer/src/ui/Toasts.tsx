/**
 * Messages in words at the bottom of the window. Errors use role="alert" so they are announced
 * and stay until dismissed or for a while; information fades sooner. A message about a state that
 * can end ("No votes left") carries a key: a new message with the same key replaces it, and
 * `dismiss(key)` takes it away as soon as it no longer applies.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  title?: string;
  message: string;
  action?: { label: string; run(): void };
  /** What the message is about: one message per key; dismiss(key) removes it. */
  key?: string;
}
type NewToast = Omit<Toast, 'id'>;

interface ToastApi {
  notify(toast: NewToast): void;
  error(message: string, title?: string, key?: string): void;
  /** Takes away the message with this key, if shown (it no longer applies). */
  dismiss(key: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}

const MAX_SHOWN = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback(
    (toast: NewToast) => {
      const id = nextId.current++;
      setToasts((list) => {
        // The same error twice in a row is one message.
        const last = list[list.length - 1];
        const unkeyed = toast.key === undefined ? list : list.filter((t) => t.key !== toast.key);
        const rest = last && unkeyed.includes(last) && last.message === toast.message && last.kind === toast.kind ? unkeyed.slice(0, -1) : unkeyed;
        return [...rest, { ...toast, id }].slice(-MAX_SHOWN);
      });
      setTimeout(() => dismiss(id), toast.kind === 'error' ? 15_000 : 6_000);
    },
    [dismiss],
  );
  const dismissKey = useCallback((key: string) => setToasts((list) => (list.some((t) => t.key === key) ? list.filter((t) => t.key !== key) : list)), []);
  const api = useMemo<ToastApi>(
    () => ({ notify, error: (message, title, key) => notify({ kind: 'error', message, ...(title ? { title } : {}), ...(key ? { key } : {}) }), dismiss: dismissKey }),
    [notify, dismissKey],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid="toast" data-key={t.key}>
            <div className="toast-text">
              {t.title && <strong className="toast-title">{t.title}</strong>}
              <span className="toast-message">{t.message}</span>
            </div>
            {t.action && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  t.action?.run();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="icon-button toast-close" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
