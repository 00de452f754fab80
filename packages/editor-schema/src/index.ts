export type { JSONContent } from '@tiptap/core';
export { isBlank, isSpace } from './characterClasses';
export { createEditorExtensions, editorExtensions } from './extensions';
export {
  fragmentToJSON,
  fragmentToMarkdown,
  fragmentToNode,
  writeJSONToFragment,
  writeMarkdownToFragment,
} from './fragment';
export type { StepMeter } from './linearText';
export { emptyDocJSON, jsonToMarkdown, markdownToJSON } from './markdown';
export { MARKDOWN_BOUNDS, markdownTooComplex } from './markdownComplexity';
export {
  fragmentDeeperThan,
  fragmentTexts,
  jsonDeeperThan,
  MAX_RICH_TEXT_DEPTH,
  markdownContainerDepth,
  RichTextTooDeepError,
} from './nesting';
export { editorSchema } from './schema';
