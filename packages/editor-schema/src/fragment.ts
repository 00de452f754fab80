import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { jsonToMarkdown, markdownToJSON } from './markdown';
import { fragmentDeeperThan, jsonDeeperThan, MAX_RICH_TEXT_DEPTH, RichTextTooDeepError } from './nesting';
import { editorSchema } from './schema';

// The y-tiptap converters recurse once per level of the tree, both over the fragment and over the
// JSON. Every entry point checks the depth first, iteratively, and refuses deeper text.
function checkDepth(fragment: Y.XmlFragment): void {
  if (fragmentDeeperThan(fragment, MAX_RICH_TEXT_DEPTH)) throw new RichTextTooDeepError();
}

/**
 * The Tiptap JSON (a `doc` node) held by a Y.XmlFragment bound to a Tiptap Collaboration editor.
 * Throws RichTextTooDeepError for content nested past MAX_RICH_TEXT_DEPTH.
 */
export function fragmentToJSON(fragment: Y.XmlFragment): JSONContent {
  checkDepth(fragment);
  return { type: 'doc', content: yXmlFragmentToProsemirrorJSON(fragment).content ?? [] };
}

/** The fragment as a ProseMirror node under the shared schema (content the schema does not know is dropped). */
export function fragmentToNode(fragment: Y.XmlFragment): PMNode {
  checkDepth(fragment);
  return yXmlFragmentToProseMirrorRootNode(fragment, editorSchema);
}

/** The fragment as Markdown. */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return jsonToMarkdown(fragmentToJSON(fragment));
}

/**
 * Makes the fragment hold this document. The fragment is updated in place with the same minimal
 * diff the editor binding uses, so unchanged paragraphs keep their Yjs identity and a concurrent
 * edit elsewhere in the text survives. Throws RichTextTooDeepError, before writing anything, when
 * the document or the fragment's current content is nested past MAX_RICH_TEXT_DEPTH (clear such a
 * fragment first: the diff walks it).
 */
export function writeJSONToFragment(fragment: Y.XmlFragment, json: JSONContent): void {
  const content = json.content ?? [];
  if (content.length === 0) {
    // An empty fragment is how a never-edited field looks; the editor shows it as one empty paragraph.
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    return;
  }
  if (jsonDeeperThan(json, MAX_RICH_TEXT_DEPTH)) throw new RichTextTooDeepError();
  checkDepth(fragment);
  prosemirrorJSONToYXmlFragment(editorSchema, { type: 'doc', content }, fragment);
}

/** Makes the fragment hold the document this Markdown describes (see writeJSONToFragment). */
export function writeMarkdownToFragment(fragment: Y.XmlFragment, markdown: string): void {
  writeJSONToFragment(fragment, markdown.trim() === '' ? { type: 'doc', content: [] } : markdownToJSON(markdown));
}
