import {
  fragmentToJSON,
  fragmentToMarkdown,
  type JSONContent,
  jsonToMarkdown,
  writeJSONToFragment,
  writeMarkdownToFragment,
} from '@fullcourt/editor-schema';
import * as Y from 'yjs';
import type { RichText, TiptapDoc } from '../records/RichText';
import type { FieldCodec } from './field';

/**
 * Rich text as a Y.XmlFragment, the type the Tiptap Collaboration extension binds to, so the
 * editor works on the field directly and peers merge inside paragraphs.
 */
export function richField(): FieldCodec<RichText> {
  return {
    kind: 'rich',
    read(item, key, context) {
      const stored = item.get(key);
      if (stored instanceof Y.XmlFragment) return readFragment(stored, context.tiptap);
      return context.tiptap ? { markdown: '', tiptap: { type: 'doc', content: [] } } : { markdown: '' };
    },
    write(item, key, value) {
      let fragment = item.get(key);
      if (!(fragment instanceof Y.XmlFragment)) {
        fragment = new Y.XmlFragment();
        item.set(key, fragment);
      }
      writeFragment(fragment as Y.XmlFragment, value);
    },
  };
}

/** The fragment as canonical rich text. */
export function readFragment(fragment: Y.XmlFragment, withTiptap: boolean): RichText {
  if (!withTiptap) return { markdown: fragmentToMarkdown(fragment) };
  const tiptap = fragmentToJSON(fragment);
  return { markdown: jsonToMarkdown(tiptap), tiptap: tiptap as TiptapDoc };
}

/** Writes canonical rich text into the fragment, from Tiptap JSON when given (lossless), else Markdown. */
export function writeFragment(fragment: Y.XmlFragment, value: RichText): void {
  if (value.tiptap) {
    try {
      writeJSONToFragment(fragment, value.tiptap as JSONContent);
      return;
    } catch {
      // Tiptap JSON with nodes this schema does not know (a newer client, a hand-written import)
      // fails while being read, before anything is written; the Markdown beside it still holds.
    }
  }
  // Markdown cannot carry everything the editor can (e.g. some attributes); when the text already
  // reads the same, leave the fragment alone rather than flatten it through a Markdown round trip.
  if (fragmentToMarkdown(fragment) === value.markdown) return;
  writeMarkdownToFragment(fragment, value.markdown);
}
