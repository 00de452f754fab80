import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';

/**
 * How deep rich text may nest, in nodes below the document: a paragraph is 1 and its text 2; each
 * level of a nested list adds 2 (the list and its item), a blockquote 1. The editor never gets near
 * it. Readers refuse deeper text instead of recursing into it (the tree converters and the Markdown
 * serializer are recursive and overflow the stack at a few thousand levels), writers refuse to store
 * it, and the collaboration server refuses updates that nest any Yjs type deeper than this below its
 * root type, so whatever it accepts stays readable.
 */
export const MAX_RICH_TEXT_DEPTH = 64;

/** Rich text nested past MAX_RICH_TEXT_DEPTH: refused on write, reported (not thrown) by playbook reads. */
export class RichTextTooDeepError extends Error {
  override name = 'RichTextTooDeepError';
  constructor() {
    super(`rich text is nested more than ${MAX_RICH_TEXT_DEPTH} levels deep`);
  }
}

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Whether a fragment's content nests more than `limit` levels. Iterative: safe to ask about any depth. */
export function fragmentDeeperThan(fragment: Y.XmlFragment, limit: number): boolean {
  const stack: [XmlNode, number][] = [];
  for (let child = fragment.firstChild; child; child = child.nextSibling) stack.push([child, 1]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > limit) return true;
    if (node instanceof Y.XmlElement) for (let child = node.firstChild; child; child = child.nextSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether Tiptap JSON (a `doc` node) nests more than `limit` levels below the document. Iterative. */
export function jsonDeeperThan(json: JSONContent, limit: number): boolean {
  const stack: [JSONContent, number][] = [[json, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > limit) return true;
    if (Array.isArray(node.content))
      for (const child of node.content) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** The text of every text node of a fragment, in reading order, whatever its depth (formatting is dropped). */
export function fragmentTexts(fragment: Y.XmlFragment): string[] {
  const texts: string[] = [];
  const stack: XmlNode[] = childrenOf(fragment).reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) {
      const text = node
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      if (text !== '') texts.push(text);
    } else if (node instanceof Y.XmlElement) {
      stack.push(...childrenOf(node).reverse());
    }
  }
  return texts;
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): XmlNode[] {
  const children: XmlNode[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/**
 * An upper bound on how many containers (blockquotes, list items) any line of Markdown opens: the
 * container markers in its prefix plus one per two spaces of indentation before them (a nested
 * item is indented at least two columns past its parent). Fenced code is skipped. Linear, no regex:
 * it lets the parser, which recurses per container and re-reads the text below each one, be spared
 * input nested absurdly deep.
 */
export function markdownContainerDepth(markdown: string): number {
  let deepest = 0;
  let fence = '';
  for (let start = 0; start <= markdown.length; ) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    let pos = start;
    let markers = 0;
    let columns = 0;
    for (;;) {
      const ch = markdown[pos];
      if (ch === ' ') columns += 1;
      else if (ch === '\t') columns += 4;
      else if (ch === '>') markers += 1;
      else if ((ch === '-' || ch === '*' || ch === '+') && isGap(markdown[pos + 1], pos + 1 >= end)) markers += 1;
      else {
        const after = orderedMarkerEnd(markdown, pos, end);
        if (after < 0) break;
        markers += 1;
        pos = after;
        continue;
      }
      pos += 1;
      if (pos >= end) break;
    }
    const rest = markdown.slice(pos, Math.min(end, pos + 3));
    if (fence !== '') {
      if (rest === fence) fence = '';
    } else {
      if (rest === '```' || rest === '~~~') fence = rest;
      if (markers > 0) deepest = Math.max(deepest, markers + Math.floor(columns / 2));
    }
    start = end + 1;
  }
  return deepest;
}

function isGap(ch: string | undefined, atEnd: boolean): boolean {
  return atEnd || ch === ' ' || ch === '\t';
}

/** After an ordered-list marker (`1.` or `1)` followed by a space) starting at `pos`, else -1. */
function orderedMarkerEnd(text: string, pos: number, end: number): number {
  let digits = 0;
  while (digits < 9 && pos + digits < end && text.charCodeAt(pos + digits) >= 48 && text.charCodeAt(pos + digits) <= 57) digits += 1;
  if (digits === 0) return -1;
  const delimiter = text[pos + digits];
  if (delimiter !== '.' && delimiter !== ')') return -1;
  return isGap(text[pos + digits + 1], pos + digits + 1 >= end) ? pos + digits + 1 : -1;
}
