import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJSON, fragmentToMarkdown, fragmentToNode, writeMarkdownToFragment } from './fragment';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('rich text in a Y.XmlFragment', () => {
  it('writes Markdown into a fragment and reads the same Markdown back on another peer', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeMarkdownToFragment(a.getXmlFragment('notes'), '## Glossary\n\n- **MQL**: marketing qualified lead');
    sync(a, b);
    expect(fragmentToMarkdown(b.getXmlFragment('notes'))).toBe('## Glossary\n\n- **MQL**: marketing qualified lead');
    expect(fragmentToNode(b.getXmlFragment('notes')).firstChild?.type.name).toBe('heading');
  });

  it('reads an untouched fragment as an empty document', () => {
    const doc = new Y.Doc();
    expect(fragmentToJSON(doc.getXmlFragment('x'))).toEqual({ type: 'doc', content: [] });
    expect(fragmentToMarkdown(doc.getXmlFragment('x'))).toBe('');
  });

  it('clears the fragment when given empty Markdown', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('x');
    writeMarkdownToFragment(fragment, 'Something');
    writeMarkdownToFragment(fragment, '');
    expect(fragment.length).toBe(0);
  });

  it('updates in place, so concurrent rewrites of different paragraphs both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeMarkdownToFragment(a.getXmlFragment('n'), 'First paragraph.\n\nSecond paragraph.');
    sync(a, b);
    writeMarkdownToFragment(a.getXmlFragment('n'), 'First paragraph, edited by marketing.\n\nSecond paragraph.');
    writeMarkdownToFragment(b.getXmlFragment('n'), 'First paragraph.\n\nSecond paragraph, edited by sales.');
    sync(a, b);
    const merged = fragmentToMarkdown(a.getXmlFragment('n'));
    expect(merged).toBe(fragmentToMarkdown(b.getXmlFragment('n')));
    expect(merged).toContain('edited by marketing');
    expect(merged).toContain('edited by sales');
    expect(merged.match(/Second paragraph/g)).toHaveLength(1);
  });
});
