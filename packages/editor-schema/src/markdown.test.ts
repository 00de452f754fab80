import { flattenExtensions } from '@tiptap/core';
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
