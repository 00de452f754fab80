import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJSON, fragmentToMarkdown, fragmentToNode, writeJSONToFragment } from './fragment';
import { jsonToMarkdown, markdownToJSON } from './markdown';
import {
  fragmentDeeperThan,
  fragmentTexts,
  jsonDeeperThan,
  MAX_RICH_TEXT_DEPTH,
  markdownContainerDepth,
  RichTextTooDeepError,
} from './nesting';

/** A fragment holding `levels` nested blockquotes around one paragraph. */
function nestedFragment(levels: number, text = 'deep'): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('body');
  fragment.doc?.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
  return fragment;
}

/** Tiptap JSON with `levels` nested blockquotes, built without recursion. */
function nestedJSON(levels: number): JSONContent {
  let node: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

function depthOf(json: JSONContent): number {
  let deepest = 0;
  const stack: [JSONContent, number][] = [[json, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    deepest = Math.max(deepest, top[1]);
    for (const child of top[0].content ?? []) stack.push([child, top[1] + 1]);
  }
  return deepest;
}

describe('rich-text nesting', () => {
  it('measures fragments and JSON of any depth without recursing', () => {
    const deep = nestedFragment(20_000, 'at the bottom');
    expect(fragmentDeeperThan(deep, MAX_RICH_TEXT_DEPTH)).toBe(true);
    expect(fragmentTexts(deep)).toEqual(['at the bottom']);
    expect(jsonDeeperThan(nestedJSON(100_000), MAX_RICH_TEXT_DEPTH)).toBe(true);
    expect(fragmentDeeperThan(nestedFragment(3), MAX_RICH_TEXT_DEPTH)).toBe(false);
  });

  it('reads text nested up to the limit, and refuses deeper text with RichTextTooDeepError instead of overflowing the stack', () => {
    // 62 blockquotes, the paragraph and its text: 64 levels.
    const atLimit = nestedFragment(MAX_RICH_TEXT_DEPTH - 2);
    expect(fragmentToMarkdown(atLimit)).toBe(`${'> '.repeat(MAX_RICH_TEXT_DEPTH - 2)}deep`);
    expect(fragmentDeeperThan(nestedFragment(MAX_RICH_TEXT_DEPTH - 1), MAX_RICH_TEXT_DEPTH)).toBe(true);

    const deep = nestedFragment(5_000);
    expect(() => fragmentToJSON(deep)).toThrow(RichTextTooDeepError);
    expect(() => fragmentToMarkdown(deep)).toThrow(RichTextTooDeepError);
    expect(() => fragmentToNode(deep)).toThrow(RichTextTooDeepError);
    expect(() => jsonToMarkdown(nestedJSON(5_000))).toThrow(RichTextTooDeepError);
  });

  it('refuses Markdown nested past the limit, however deep, before the parser recurses into it', () => {
    expect(() => markdownToJSON(`${'- '.repeat(10_000)}x`)).toThrow(RichTextTooDeepError);
    expect(() => markdownToJSON(`${'>'.repeat(10_000)} x`)).toThrow(RichTextTooDeepError);
    // Within the pre-scan's bound but past the limit once parsed: 40 blockquotes are fine, 70 are not.
    expect(depthOf(markdownToJSON(`${'> '.repeat(40)}x`))).toBe(42);
    expect(() => markdownToJSON(`${'>'.repeat(70)} x`)).toThrow(RichTextTooDeepError);
  });

  it('refuses to write JSON nested past the limit, or into a fragment nested past it, and writes nothing', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    writeJSONToFragment(fragment, markdownToJSON('Kept.'));
    expect(() => writeJSONToFragment(fragment, nestedJSON(200))).toThrow(RichTextTooDeepError);
    expect(fragmentToMarkdown(fragment)).toBe('Kept.');
    expect(() => writeJSONToFragment(nestedFragment(200), markdownToJSON('New.'))).toThrow(RichTextTooDeepError);
  });

  it('bounds the containers of Markdown from above: parsed, it is never deeper than two levels per container plus five', () => {
    const token = fc.constantFrom('> ', '- ', '* ', '1. ', '2) ', '  ', '    ', '\t', '- [ ] ');
    const line = fc
      .tuple(fc.array(token, { maxLength: 12 }), fc.constantFrom('text', '| a | b |', '`code`', '---', ''))
      .map(([p, t]) => p.join('') + t);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const markdown = lines.join('\n');
        let parsed: JSONContent;
        try {
          parsed = markdownToJSON(markdown);
        } catch (error) {
          // @tiptap/markdown itself throws on some odd input (e.g. "> \t2) text\ntext"); that is not about depth.
          fc.pre(error instanceof RichTextTooDeepError);
          return;
        }
        expect(depthOf(parsed)).toBeLessThanOrEqual(2 * markdownContainerDepth(markdown) + 5);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('does not count what sits in fenced code', () => {
    expect(markdownContainerDepth(`\`\`\`\n${' '.repeat(400)}- x\n${'> '.repeat(100)}\n\`\`\`\nafter`)).toBe(0);
    expect(markdownContainerDepth('- a\n  - b\n    - c')).toBe(3);
  });
});
