import { flattenExtensions, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from './extensions';
import { jsonToMarkdown, markdownToJSON } from './markdown';
import { editorSchema } from './schema';

const sample = [
  '# How we run the weekly sync',
  '',
  'Marketing brings **pipeline**, sales brings *feedback* and [notes](https://example.com/notes) with `code`.',
  '',
  '- Review new MQLs',
  '- Agree on rejects',
  '',
  '1. First',
  '2. Second',
  '',
  '- [ ] Update the glossary',
  '- [x] Share the dashboard',
  '',
  '| Stage | Owner |',
  '| --- | --- |',
  '| Consider | Marketing |',
  '',
  '> Keep it to 30 minutes.',
].join('\n');

describe('shared rich-text schema', () => {
  it('knows tables, task lists and the StarterKit blocks and marks', () => {
    for (const node of [
      'doc',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'taskList',
      'taskItem',
      'table',
      'tableRow',
      'tableCell',
      'tableHeader',
      'codeBlock',
      'blockquote',
    ]) {
      expect(editorSchema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'link', 'code', 'strike']) expect(editorSchema.marks[mark], mark).toBeDefined();
  });

  it('leaves undo to the collaboration extension (no ProseMirror history)', () => {
    const names = flattenExtensions([...editorExtensions]).map((e) => e.name);
    expect(names).toContain('paragraph');
    expect(names).not.toContain('undoRedo');
  });
});

describe('markdown conversion', () => {
  it('parses Markdown into a document the shared schema accepts', () => {
    const json = markdownToJSON(sample);
    expect(() => editorSchema.nodeFromJSON(json).check()).not.toThrow();
    const types = (json.content ?? []).map((n) => n.type);
    expect(types).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'taskList', 'table', 'blockquote']);
  });

  it('is stable after one round trip (Markdown → JSON → Markdown → JSON)', () => {
    const once = jsonToMarkdown(markdownToJSON(sample));
    expect(jsonToMarkdown(markdownToJSON(once))).toBe(once);
    expect(markdownToJSON(once)).toEqual(markdownToJSON(sample));
    expect(once).toContain('- [x] Share the dashboard');
    expect(once).toContain('**pipeline**');
  });

  it('turns empty Markdown into an empty paragraph and back into an empty string', () => {
    const json = markdownToJSON('  \n');
    expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(jsonToMarkdown(json)).toBe('');
    expect(jsonToMarkdown({ type: 'doc', content: [] })).toBe('');
  });

  it('keeps embedded HTML as literal text on a server without a DOM', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const md = jsonToMarkdown(markdownToJSON('Hello <b>world</b>'));
    expect(md).toContain('world');
    expect(md).not.toContain('<b>');
  });
});

describe('markdown conversion on hostile text', () => {
  // The serializer as @tiptap/markdown ships it, to check that reshaping the document changes nothing.
  const plainManager = new MarkdownManager({ extensions: [...editorExtensions] as never });
  const reference = (doc: JSONContent) => plainManager.serialize(doc).trimEnd();

  const whitespace = fc.constantFrom(' ', '  ', '\t', ' '.repeat(17), ' '.repeat(40), '\n', ' \u00a0 ');
  const word = fc.constantFrom('lead', 'MQL', 'a*b', '_x_', '`q`', '[l]', 'x|y', '&amp;', '~~');
  const mark = fc.constantFrom<JSONContent['marks']>(
    [],
    [{ type: 'bold' }],
    [{ type: 'italic' }],
    [{ type: 'code' }],
    [{ type: 'bold' }, { type: 'italic' }],
    [{ type: 'link', attrs: { href: 'https://example.com' } }],
  );
  const textNode = fc
    .record({ parts: fc.array(fc.tuple(word, whitespace), { minLength: 1, maxLength: 6 }), marks: mark })
    .map(({ parts, marks }) => ({ type: 'text', text: parts.flat().join(''), ...(marks && marks.length > 0 ? { marks } : {}) }));
  const paragraph = fc.array(textNode, { minLength: 1, maxLength: 4 }).map((content) => ({ type: 'paragraph', content }));
  const table = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((cells) => ({
    type: 'table',
    content: [{ type: 'tableRow', content: cells.map((p) => ({ type: 'tableCell', content: [p] })) }],
  }));
  const doc = fc.array(fc.oneof(paragraph, table), { minLength: 1, maxLength: 3 }).map((content) => ({ type: 'doc', content }));

  it('writes exactly the Markdown @tiptap/markdown writes, whatever the whitespace and marks', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(jsonToMarkdown(d)).toBe(reference(d));
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});
