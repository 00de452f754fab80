import { type ReactNode, useId, useRef } from 'react';
import { ownCancel, useModalDialog } from '../app/useModalDialog';
import styles from './ui.module.css';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** While the action runs both buttons wait, and Escape does nothing. */
  busy: boolean;
  /** False until what the person must see first (the diff) has loaded. */
  ready: boolean;
  /** The action's failure, in the server's words. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before an action that others will notice (publish, restore). Focus starts on Cancel. */
export function ConfirmDialog({ title, children, confirmLabel, busy, ready, error, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(cancelRef);
  const headingId = useId();
  return (
    <dialog
      ref={ref}
      className={styles.confirmDialog}
      aria-labelledby={headingId}
      onCancel={ownCancel(() => {
        if (!busy) onCancel();
      })}
    >
      <h2 id={headingId}>{title}</h2>
      <div className={styles.confirmBody}>{children}</div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} disabled={busy || !ready}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
