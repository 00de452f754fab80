import { useEffect } from 'react';
import type { CollabSession } from './collabSession';

/**
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo this person's structured edits anywhere but in
 * a rich-text editor, which has its own undo for the text typed in it. Inputs are bound to the
 * shared document, so the browser's own input undo would fight the binding: it is replaced too.
 */
export function useGlobalUndoKeys(session: CollabSession): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('.ProseMirror')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        session.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        session.redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session]);
}
