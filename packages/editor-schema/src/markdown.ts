import type { JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { editorExtensions } from './extensions';
import { linearizeForMarkdown, restoreRuns, type StepMeter, trimEndLinear } from './linearText';
import { jsonDeeperThan, MAX_RICH_TEXT_DEPTH, markdownContainerDepth, RichTextTooDeepError } from './nesting';

type ManagerExtensions = ConstructorParameters<typeof MarkdownManager>[0] extends infer O
  ? O extends { extensions: infer E }
    ? E
    : never
  : never;

let manager: MarkdownManager | undefined;

/**
 * The Markdown manager of @tiptap/markdown, used headlessly: parsing and serializing only walk
 * Tiptap JSON and marked tokens. The one DOM path (HTML embedded in Markdown) detects the missing
 * `window` and keeps such HTML as literal text, which is what a server-side import should do.
 */
function markdownManager(): MarkdownManager {
  // Built lazily: registering the extensions' tokenizers costs a few ms that a reader never needs.
  manager ??= new MarkdownManager({
    // Same two-copies-of-@tiptap/core bridge as in extensions.ts.
    extensions: [...editorExtensions] as unknown as ManagerExtensions,
  });
  return manager;
}

/** An empty document: ProseMirror's `doc` needs at least one block, so it holds one empty paragraph. */
export function emptyDocJSON(): JSONContent {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * Markdown → Tiptap JSON (a `doc` node) under the shared schema. Throws RichTextTooDeepError for text
 * nested past MAX_RICH_TEXT_DEPTH; text nested absurdly deep is refused before parsing, since the
 * parser's work grows with depth times length.
 */
export function markdownToJSON(markdown: string): JSONContent {
  if (markdown.trim() === '') return emptyDocJSON();
  if (markdownContainerDepth(markdown) > MAX_RICH_TEXT_DEPTH) throw new RichTextTooDeepError();
  const doc = markdownManager().parse(markdown);
  if (!doc.content || doc.content.length === 0) return emptyDocJSON();
  if (jsonDeeperThan(doc, MAX_RICH_TEXT_DEPTH)) throw new RichTextTooDeepError();
  return doc;
}

/**
 * Tiptap JSON (a `doc` node or a list of nodes) → Markdown, without trailing blank lines. Throws
 * RichTextTooDeepError for JSON nested past MAX_RICH_TEXT_DEPTH (the serializer recurses per level).
 * Linear in the text: see linearizeForMarkdown for what the serializer is spared. The meter counts
 * only the steps of this file's own scans; the serializer's are bounded by what they are given.
 */
export function jsonToMarkdown(json: JSONContent, meter?: StepMeter): string {
  if (jsonDeeperThan(json, MAX_RICH_TEXT_DEPTH)) throw new RichTextTooDeepError();
  if (!json.content || json.content.length === 0) return '';
  const prepared = linearizeForMarkdown(json, meter);
  return trimEndLinear(restoreRuns(markdownManager().serialize(prepared.doc), prepared, meter), meter);
}
