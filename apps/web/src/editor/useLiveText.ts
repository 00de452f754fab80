import type { CollectionName } from '@fullcourt/playbook';
import { spliceBetween } from '@fullcourt/playbook';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CollabSession } from './collabSession';
import { shiftOffset, type TextDelta } from './textDiff';
import { useSession } from './useCollaboration';

/** Which live text field an input edits: a record's field (dotted path inside groups) or the playbook's title. */
export type TextSource = { collection: CollectionName; id: string; path: string } | { playbook: 'title' | 'description' };

function openText(session: CollabSession, source: TextSource): Y.Text | null {
  if ('playbook' in source) return source.playbook === 'title' ? session.playbook.titleText() : session.playbook.descriptionText();
  try {
    return session.playbook.collection(source.collection).text(source.id, source.path);
  } catch {
    // The item was deleted by someone else while this input was on screen.
    return null;
  }
}

/**
 * Binds an input to a shared text, character by character: typing writes only the changed span,
 * a peer's typing shows up at once, and the caret stays where it was when a peer edits before it.
 */
export function useLiveText<E extends HTMLInputElement | HTMLTextAreaElement>(
  source: TextSource,
): { value: string; onChange: (next: string) => void; ref: RefObject<E | null> } {
  const session = useSession();
  const key = 'playbook' in source ? source.playbook : `${source.collection}/${source.id}/${source.path}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the source; the object itself is rebuilt on every render.
  const text = useMemo(() => openText(session, source), [session, key]);
  const [value, setValue] = useState(() => text?.toString() ?? '');
  const ref = useRef<E>(null);
  const pendingSelection = useRef<[number, number] | null>(null);

  useLayoutEffect(() => {
    if (!text) return;
    setValue(text.toString());
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const input = ref.current;
      if (!transaction.local && input && document.activeElement === input && input.selectionStart !== null) {
        const delta = event.delta as TextDelta;
        pendingSelection.current = [
          shiftOffset(input.selectionStart, delta),
          shiftOffset(input.selectionEnd ?? input.selectionStart, delta),
        ];
      }
      setValue(text.toString());
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  // Restore the shifted caret after React wrote the peer's text into the input.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (selection && ref.current) ref.current.setSelectionRange(selection[0], selection[1]);
    pendingSelection.current = null;
  });

  const onChange = useCallback(
    (next: string) => {
      if (!text) return;
      const splice = spliceBetween(text.toString(), next);
      if (!splice) return;
      session.edit(() => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      });
    },
    [session, text],
  );

  return { value, onChange, ref };
}
