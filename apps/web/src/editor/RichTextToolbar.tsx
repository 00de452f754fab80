import { type Editor, useEditorState } from '@tiptap/react';
import styles from './editor.module.css';

interface Props {
  editor: Editor;
  /** The editor's name, so each toolbar is told apart ("Formatting for Notes for Awareness"). */
  label: string;
}

/**
 * The commands the toolbar runs. The shared extensions declare them on their own copy of
 * @tiptap/core's types (see RichTextField), which @tiptap/react's Editor does not see.
 */
interface FormattingChain {
  toggleBold(): FormattingChain;
  toggleItalic(): FormattingChain;
  toggleHeading(attributes: { level: 2 | 3 }): FormattingChain;
  toggleBulletList(): FormattingChain;
  toggleOrderedList(): FormattingChain;
  toggleTaskList(): FormattingChain;
  extendMarkRange(mark: 'link'): FormattingChain;
  setLink(attributes: { href: string }): FormattingChain;
  unsetLink(): FormattingChain;
  insertTable(options: { rows: number; cols: number; withHeaderRow: boolean }): FormattingChain;
  addRowAfter(): FormattingChain;
  run(): boolean;
}

/** Formatting buttons; each says whether it is on (aria-pressed) so a screen reader user knows the state. */
export function RichTextToolbar({ editor, label }: Props) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      task: e.isActive('taskList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus() as unknown as FormattingChain;

  function toggleLink() {
    if (active.link) {
      chain().extendMarkRange('link').unsetLink().run();
      return;
    }
    const href = window.prompt('Link address (https://…)');
    if (href) chain().extendMarkRange('link').setLink({ href }).run();
  }

  const buttons: { name: string; text: string; pressed?: boolean; run: () => void }[] = [
    { name: 'Bold', text: 'B', pressed: active.bold, run: () => chain().toggleBold().run() },
    { name: 'Italic', text: 'I', pressed: active.italic, run: () => chain().toggleItalic().run() },
    { name: 'Heading', text: 'H2', pressed: active.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { name: 'Subheading', text: 'H3', pressed: active.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { name: 'Bulleted list', text: '•', pressed: active.bullet, run: () => chain().toggleBulletList().run() },
    { name: 'Numbered list', text: '1.', pressed: active.ordered, run: () => chain().toggleOrderedList().run() },
    { name: 'Task list', text: 'Tasks', pressed: active.task, run: () => chain().toggleTaskList().run() },
    { name: 'Link', text: 'Link', pressed: active.link, run: toggleLink },
    active.table
      ? { name: 'Add table row', text: '+row', run: () => chain().addRowAfter().run() }
      : { name: 'Insert table', text: 'Table', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ];

  return (
    <div className={styles.richTextToolbar} role="toolbar" aria-label={`Formatting for ${label}`}>
      {buttons.map((b) => (
        <button
          key={b.name}
          type="button"
          className={styles.tool}
          aria-label={b.name}
          title={b.name}
          aria-pressed={b.pressed}
          // Keep the selection in the editor: a mousedown on the button would blur it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
