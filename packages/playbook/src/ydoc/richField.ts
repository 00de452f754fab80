import {
  fragmentDeeperThan,
  fragmentTexts,
  fragmentToJSON,
  fragmentToMarkdown,
  type JSONContent,
  jsonDeeperThan,
  jsonToMarkdown,
  MAX_RICH_TEXT_DEPTH,
  markdownContainerDepth,
  markdownToJSON,
  markdownTooComplex,
  RichTextTooDeepError,
  writeJSONToFragment,
  writeMarkdownToFragment,
} from '@fullcourt/editor-schema';
import * as Y from 'yjs';
import type { RichText, TiptapDoc } from '../records/RichText';
import { pruneTooDeep } from './deepContent';
import type { FieldCodec } from './field';

/** Why text nested past the limit reads as plain text (the validator shows it). */
export const TOO_DEEP = `nested more than ${MAX_RICH_TEXT_DEPTH} levels deep`;

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
    check: richTextProblem,
  };
}

/**
 * The fragment as canonical rich text. Never throws: text that cannot be read as rich text (nested
 * past the limit by a document stored before it existed, or holding nodes the schema rejects) reads
 * as its plain text with `unreadable` saying why, so one bad field cannot stop a playbook being read.
 */
export function readFragment(fragment: Y.XmlFragment, withTiptap: boolean): RichText {
  try {
    if (!withTiptap) return { markdown: fragmentToMarkdown(fragment) };
    const tiptap = fragmentToJSON(fragment);
    return { markdown: jsonToMarkdown(tiptap), tiptap: tiptap as TiptapDoc };
  } catch (error) {
    return plainTextOf(
      fragment,
      withTiptap,
      error instanceof RichTextTooDeepError ? TOO_DEEP : `unknown to the editor: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function plainTextOf(fragment: Y.XmlFragment, withTiptap: boolean, unreadable: string): RichText {
  const texts = fragmentTexts(fragment);
  const tiptap: TiptapDoc = { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  let markdown: string;
  try {
    markdown = jsonToMarkdown(tiptap);
  } catch {
    markdown = texts.join('\n\n');
  }
  return withTiptap ? { markdown, tiptap, unreadable } : { markdown, unreadable };
}

/**
 * Writes canonical rich text into the fragment, from Tiptap JSON when given (lossless), else Markdown.
 * Throws RichTextTooDeepError for text nested past the limit (richTextProblem finds it beforehand).
 */
export function writeFragment(fragment: Y.XmlFragment, value: RichText): void {
  if (fragmentDeeperThan(fragment, MAX_RICH_TEXT_DEPTH)) {
    // Writing back the plain text such a field reads as (restoring a version that held it) keeps it;
    // anything else replaces it, deepest nodes first.
    if (value.unreadable !== undefined && readFragment(fragment, false).markdown === value.markdown) return;
    pruneTooDeep(fragment, 0);
  }
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

/**
 * Why rich text given to a write cannot be stored (nested past the limit), with the path of the
 * part at fault, or undefined. Checks what the write will use: the Tiptap JSON when given, else the
 * Markdown, which is only parsed when its container markers leave the depth in doubt.
 */
export function richTextProblem(value: RichText): { path: string[]; message: string } | undefined {
  const message = `rich text may nest at most ${MAX_RICH_TEXT_DEPTH} levels deep`;
  if (value.tiptap) return jsonDeeperThan(value.tiptap as JSONContent, MAX_RICH_TEXT_DEPTH) ? { path: ['tiptap'], message } : undefined;
  // Markdown alone is parsed into the document by a parser that is super-linear in some shapes:
  // refused unless within MARKDOWN_BOUNDS (see markdownTooComplex). Tiptap JSON needs no parsing.
  const tooComplex = markdownTooComplex(value.markdown);
  if (tooComplex) return { path: ['markdown'], message: `too complex to read: ${tooComplex}; simplify it, or send it as Tiptap JSON` };
  // Each container is at most two levels (a list and its item); a table and its text add five.
  if (2 * markdownContainerDepth(value.markdown) + 5 <= MAX_RICH_TEXT_DEPTH) return undefined;
  try {
    markdownToJSON(value.markdown);
  } catch (error) {
    if (error instanceof RichTextTooDeepError) return { path: ['markdown'], message };
  }
  return undefined;
}
