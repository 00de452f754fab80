import styles from './editor.module.css';
import { useSession, useUndoState } from './useCollaboration';

/** Undo and redo of this person's own changes; a peer's edits are never taken back. */
export function UndoButtons() {
  const session = useSession();
  const { canUndo, canRedo } = useUndoState();
  return (
    <div className={styles.undoButtons}>
      <button type="button" className="secondary" disabled={!canUndo} onClick={() => session.undo()} title="Undo your last change (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="secondary" disabled={!canRedo} onClick={() => session.redo()} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </div>
  );
}
