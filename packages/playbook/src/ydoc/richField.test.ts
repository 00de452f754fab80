import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidPlaybookError, InvalidRecordError } from '../errors';
import { toMarkdown } from '../export/toMarkdown';
import { applyJSON } from '../json/applyJSON';
import { toJSON } from '../json/toJSON';
import { starterTemplate } from '../templates/starterTemplate';
import { validate } from '../validate/validate';
import { PlaybookDoc, ROOT } from './PlaybookDoc';

/** Replaces a page's body with `levels` nested blockquotes around `text`, the way a raw Yjs client can. */
function nestBody(pb: PlaybookDoc, pageId: string, levels: number, text = 'deep'): void {
  pb.transact(() => {
    const body = new Y.XmlFragment();
    (pb.ydoc.getMap(ROOT.pages).get(pageId) as Y.Map<unknown>).set('body', body);
    let parent: Y.XmlFragment | Y.XmlElement = body;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
}

function starter(): PlaybookDoc {
  const pb = new PlaybookDoc();
  applyJSON(pb, starterTemplate());
  return pb;
}

/** Tiptap JSON with `levels` nested blockquotes. */
function nestedTiptap(levels: number) {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc' as const, content: [node as { type: string }] };
}

describe('rich text nested past the limit', () => {
  it('reads as its plain text, marked unreadable, while every other field reads as usual', () => {
    const pb = starter();
    const before = toJSON(pb);
    const [bad, ...others] = pb.pages.ids();
    nestBody(pb, bad as string, 5_000, 'at the bottom');

    for (const tiptap of [false, true]) {
      const json = toJSON(pb, { tiptap });
      expect(json.pages[0]?.body).toMatchObject({ markdown: 'at the bottom', unreadable: 'nested more than 64 levels deep' });
      expect(json.pages.slice(1).map((p) => p.id)).toEqual(others);
    }
    const json = toJSON(pb);
    expect(json.pages.slice(1)).toEqual(before.pages.slice(1));
    expect(json.stages).toEqual(before.stages);
    expect(toJSON(pb, { tiptap: true }).pages[0]?.body.tiptap).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'at the bottom' }] }],
    });
  });

  it('is reported by the validator, for live reads and for versions saved with deep Markdown', () => {
    const pb = starter();
    const pageId = pb.pages.ids()[0] as string;
    nestBody(pb, pageId, 100);
    const live = validate(toJSON(pb), { today: '2026-01-01' }).filter((f) => f.code === 'rich-text-unreadable');
    expect(live).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: ['pages', 0, 'body'],
        itemId: pageId,
        message: expect.stringMatching(/64 levels/),
      }),
    ]);

    const saved = toJSON(starter());
    (saved.stages[0] as { notes: { markdown: string } }).notes = { markdown: `${'> '.repeat(1_000)}old` };
    expect(validate(saved, { today: '2026-01-01' })).toContainEqual(
      expect.objectContaining({ code: 'rich-text-unreadable', path: ['stages', 0, 'notes'] }),
    );
  });

  it('exports deep Markdown of an old version as a literal block, which a renderer does not recurse into', () => {
    const saved = toJSON(starter());
    (saved.pages[0] as { body: { markdown: string } }).body = { markdown: `${'> '.repeat(1_000)}old` };
    const markdown = toMarkdown(saved);
    expect(markdown).toContain(`\`\`\`text\n${'> '.repeat(1_000)}old\n\`\`\``);
  });

  it('is replaced by a write, deepest levels first, and the field reads normally again', () => {
    const pb = starter();
    const pageId = pb.pages.ids()[0] as string;
    nestBody(pb, pageId, 5_000);
    pb.pages.update(pageId, { body: { markdown: 'Fresh start.' } });
    expect(pb.pages.get(pageId)?.body).toEqual({ markdown: 'Fresh start.' });
  });

  it('stays as it is when a restore writes back the plain text it reads as', () => {
    const pb = starter();
    const pageId = pb.pages.ids()[0] as string;
    nestBody(pb, pageId, 5_000);
    const fragment = pb.pages.fragment(pageId, 'body');
    applyJSON(pb, toJSON(pb, { tiptap: true }));
    expect(pb.pages.fragment(pageId, 'body')).toBe(fragment);
    expect(pb.pages.get(pageId)?.body.unreadable).toBe('nested more than 64 levels deep');
  });

  it('is deleted with its item, in bounded steps, and the document stays usable', () => {
    const pb = starter();
    const pageId = pb.pages.ids()[0] as string;
    nestBody(pb, pageId, 20_000);
    pb.pages.delete(pageId);
    expect(pb.pages.has(pageId)).toBe(false);
    pb.setTitle('Still editable');
    expect(toJSON(pb).title).toBe('Still editable');
  });

  it('cannot be written: a deep record or playbook is refused, naming the field, before anything changes', () => {
    const pb = starter();
    const pageId = pb.pages.ids()[0] as string;
    const before = toJSON(pb);
    const deep = { markdown: '', tiptap: nestedTiptap(100) };
    expect(() => pb.pages.update(pageId, { title: 'Renamed', body: deep })).toThrow(InvalidRecordError);
    expect(() => pb.pages.update(pageId, { body: { markdown: `${'> '.repeat(70)}x` } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['body', 'markdown'] })] }),
    );
    expect(() => pb.pages.add({ title: 'New', body: deep })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['body', 'tiptap'] })] }),
    );
    const json = toJSON(pb);
    (json.pages[1] as { body: unknown }).body = deep;
    json.title = 'Imported';
    expect(() => applyJSON(pb, json)).toThrow(InvalidPlaybookError);
    expect(toJSON(pb)).toEqual(before);
  });
});
