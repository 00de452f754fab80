import type { AnyExtension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/**
 * The Tiptap extensions that define Fullcourt rich text. The web editor adds its UI-only extensions
 * (Collaboration, carets, placeholders) on top of this list; the server uses it as is to read and
 * write rich text. Both must agree on it, or text written by one side is dropped by the other.
 */
export function createEditorExtensions(): AnyExtension[] {
  return [
    // Collaboration brings its own Yjs-aware undo manager; the ProseMirror history would fight it.
    StarterKit.configure({ undoRedo: false }),
    // Resizing is an editing affordance; column widths are not part of the shared content.
    // The cast bridges two installed copies of @tiptap/core (3.31.3 here, 3.34.0 hoisted through
    // @tiptap/react's menus): identical at runtime, nominally different types. Drop it once deduped.
    TableKit.configure({ table: { resizable: false } }) as unknown as AnyExtension,
    TaskList,
    TaskItem.configure({ nested: true }),
  ];
}

/** The shared extension list, built once (extensions are immutable configurations). */
export const editorExtensions: readonly AnyExtension[] = createEditorExtensions();
