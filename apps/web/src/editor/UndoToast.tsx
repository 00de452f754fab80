import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import styles from './editor.module.css';
import { useSession } from './useCollaboration';

interface Toast {
  id: number;
  message: string;
}

const ToastContext = createContext<(message: string) => void>(() => {});

/** Shows "Stage deleted — Undo" after a destructive edit; the undo takes back exactly that edit. */
export function UndoToastProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [toast, setToast] = useState<Toast | null>(null);

  const announce = useCallback((message: string) => setToast({ id: Date.now(), message }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 10_000);
    return () => clearTimeout(timer);
  }, [toast]);

  const value = useMemo(() => announce, [announce]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className={styles.toastRegion} role="status" aria-live="polite">
        {toast && (
          <div className={styles.toast} key={toast.id}>
            <span>{toast.message}</span>
            <button
              type="button"
              onClick={() => {
                session.undo();
                setToast(null);
              }}
            >
              Undo
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

/**
 * Runs a destructive edit as its own undo step and offers to take it back. The capture is cut on
 * both sides so the toast's Undo neither merges with the typing before nor swallows what follows.
 */
export function useUndoableDelete(): (message: string, change: () => void) => void {
  const session = useSession();
  const announce = useContext(ToastContext);
  return useCallback(
    (message: string, change: () => void) => {
      session.undoManager.stopCapturing();
      session.edit(change);
      session.undoManager.stopCapturing();
      announce(message);
    },
    [session, announce],
  );
}
