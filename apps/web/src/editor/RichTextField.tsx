import { editorExtensions } from '@fullcourt/editor-schema';
import type { CollectionName } from '@fullcourt/playbook';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { type AnyExtension, EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { useIdentity } from '../identity/useIdentity';
import styles from './editor.module.css';
import { RichTextToolbar } from './RichTextToolbar';
import { useReadOnly, useSession } from './useCollaboration';

/** Which rich field an editor binds to: a record's rich field or the playbook's attribution text. */
export type RichSource = { collection: CollectionName; id: string; path: string } | { playbook: 'attribution' };

interface Props {
  source: RichSource;
  /** The editor's accessible name, e.g. "Notes for Awareness". */
  label: string;
  /** Full pages get a taller editing area than a stage's notes. */
  size?: 'compact' | 'page';
  /** Focus the editor once it exists (a preview was clicked to start it). */
  autoFocus?: boolean;
}

/**
 * A collaborative rich-text editor on one field: the shared schema, Yjs sync of the field's
 * fragment, and the carets and selections of everyone else typing in it, labelled with their names.
 * Ctrl+Z inside undoes this person's typing in this field only.
 */
export function RichTextField({ source, label, size = 'compact', autoFocus = false }: Props) {
  const session = useSession();
  const readOnly = useReadOnly();
  const identity = useIdentity();
  const key = 'playbook' in source ? source.playbook : `${source.collection}/${source.id}/${source.path}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the source; the object is rebuilt on every render.
  const fragment = useMemo<Y.XmlFragment | null>(() => {
    if ('playbook' in source) return session.playbook.attributionFragment();
    try {
      return session.playbook.collection(source.collection).fragment(source.id, source.path);
    } catch {
      return null; // deleted by a peer while on screen
    }
  }, [session, key]);

  const editor = useEditor(
    {
      extensions: [
        // The shared schema's extensions are typed against its own copy of @tiptap/core; at runtime
        // Vite dedupes to one copy (vite.config.ts), so this cast only bridges the declarations.
        ...(editorExtensions as unknown as AnyExtension[]),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: identity?.name ?? 'Someone', color: identity?.color ?? '#4b5563' },
        }),
      ],
      editorProps: { attributes: editorAttributes(label, size) },
      editable: !readOnly,
      autofocus: autoFocus ? 'end' : false,
    },
    [fragment],
  );

  // The label follows the item's name (a new stage is named after its editor was created).
  useEffect(() => {
    if (!editor.isDestroyed) editor.setOptions({ editorProps: { attributes: editorAttributes(label, size) } });
  }, [editor, label, size]);

  useEffect(() => {
    if (identity && !editor.isDestroyed) editor.commands.updateUser({ name: identity.name, color: identity.color });
  }, [editor, identity]);

  if (!fragment) return null;
  return (
    <div className={size === 'compact' ? `${styles.richTextField} ${styles.richTextFieldCompact}` : styles.richTextField}>
      {!readOnly && <RichTextToolbar editor={editor} label={label} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function editorAttributes(label: string, size: 'compact' | 'page'): Record<string, string> {
  return {
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    class: size === 'page' ? `${styles.richText} ${styles.richTextPage}` : `${styles.richText}`,
  };
}
