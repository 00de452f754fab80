export type { JSONContent } from '@tiptap/core';
export { createEditorExtensions, editorExtensions } from './extensions';
export {
  fragmentToJSON,
  fragmentToMarkdown,
  fragmentToNode,
  writeJSONToFragment,
  writeMarkdownToFragment,
} from './fragment';
export { emptyDocJSON, jsonToMarkdown, markdownToJSON } from './markdown';
export { editorSchema } from './schema';
