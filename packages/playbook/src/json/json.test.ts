import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidPlaybookError } from '../errors';
import { PlaybookSchema } from '../records/Playbook';
import { starterTemplate } from '../templates/starterTemplate';
import { syncAll } from '../testing/peers';
import { PlaybookDoc } from '../ydoc/PlaybookDoc';
import { applyJSON, parsePlaybook } from './applyJSON';
import { playbookJsonSchema } from './jsonSchema';
import { toJSON } from './toJSON';

function fromTemplate(): PlaybookDoc {
  const pb = new PlaybookDoc();
  applyJSON(pb, starterTemplate());
  return pb;
}

describe('canonical JSON', () => {
  it('has exactly the public top-level keys', () => {
    expect(Object.keys(toJSON(new Y.Doc()))).toEqual([
      'id',
      'title',
      'description',
      'stages',
      'lifecycle',
      'slas',
      'content',
      'personas',
      'roles',
      'responsibilities',
      'metrics',
      'attribution',
      'pages',
    ]);
  });

  it('round-trips: applying a playbook and reading it back gives the parsed input', () => {
    const json = toJSON(fromTemplate());
    expect(json).toEqual(PlaybookSchema.parse(starterTemplate()));
  });

  it('round-trips toJSON output through applyJSON into another document', () => {
    const first = toJSON(fromTemplate(), { tiptap: true });
    const copy = new PlaybookDoc();
    applyJSON(copy, first);
    expect(toJSON(copy, { tiptap: true })).toEqual(first);
  });

  it('reads from a bare Y.Doc as well as from a PlaybookDoc', () => {
    const pb = fromTemplate();
    expect(toJSON(pb.ydoc)).toEqual(toJSON(pb));
  });

  it('gives rich text as Markdown, and Tiptap JSON when asked', () => {
    const pb = fromTemplate();
    const page = toJSON(pb).pages[1];
    expect(page?.body.markdown).toContain('**MQL**');
    expect(page?.body.tiptap).toBeUndefined();
    const withTiptap = toJSON(pb, { tiptap: true }).pages[1];
    expect(withTiptap?.body.tiptap?.type).toBe('doc');
    expect(withTiptap?.body.tiptap?.content?.[0]?.type).toBe('bulletList');
  });

  it('imports Tiptap JSON losslessly when it is given next to Markdown', () => {
    const pb = new PlaybookDoc();
    applyJSON(pb, {
      pages: [
        {
          id: 'p',
          title: 'P',
          body: {
            markdown: 'ignored',
            tiptap: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'From Tiptap' }] }] },
          },
        },
      ],
    });
    expect(toJSON(pb).pages[0]?.body.markdown).toBe('## From Tiptap');
  });

  it('falls back to the Markdown when the Tiptap JSON has nodes the schema does not know', () => {
    const pb = new PlaybookDoc();
    applyJSON(pb, {
      pages: [{ id: 'p', title: 'P', body: { markdown: 'Plain words', tiptap: { type: 'doc', content: [{ type: 'spaceship' }] } } }],
    });
    expect(toJSON(pb).pages[0]?.body.markdown).toBe('Plain words');
  });

  it('lists an asset’s stages in stage order, whatever order they were linked in', () => {
    const pb = new PlaybookDoc();
    applyJSON(pb, {
      stages: [
        { id: 'zz-first', name: 'First' },
        { id: 'aa-second', name: 'Second' },
      ],
      content: [{ id: 'a', title: 'A', stageIds: ['aa-second', 'zz-first'] }],
    });
    expect(toJSON(pb).content[0]?.stageIds).toEqual(['zz-first', 'aa-second']);
  });
});

describe('applying JSON to a document', () => {
  it('rejects JSON that does not fit the schema with a typed error and leaves the document alone', () => {
    const pb = fromTemplate();
    const before = Y.encodeStateVector(pb.ydoc);
    const bad = { ...starterTemplate(), slas: [{ id: 'x', responseTime: { duration: 'four hours' } }] };
    expect(() => applyJSON(pb, bad as never)).toThrow(InvalidPlaybookError);
    expect(Y.encodeStateVector(pb.ydoc)).toEqual(before);
    expect(parsePlaybook(bad).success).toBe(false);
  });

  it('rejects two items sharing an id in one section', () => {
    const json = { stages: [{ id: 'same' }, { id: 'same' }] };
    expect(() => applyJSON(new PlaybookDoc(), json)).toThrow(/duplicate id "same"/);
  });

  it('changes only what differs, so re-applying the same JSON writes nothing', () => {
    const pb = fromTemplate();
    let updates = 0;
    pb.ydoc.on('update', () => updates++);
    applyJSON(pb, toJSON(pb));
    expect(updates).toBe(0);
  });

  it('keeps a concurrent edit of another field when a client applies a JSON edited elsewhere', () => {
    const a = fromTemplate();
    const b = new PlaybookDoc();
    syncAll(a.ydoc, b.ydoc);
    const edited = toJSON(a);
    const sla = edited.slas.find((s) => s.id === 'sla-mql-sal');
    if (!sla) throw new Error('template SLA missing');
    sla.responseTime.duration = 'PT2H';
    applyJSON(a, edited);
    b.stages.update('stage-aware', { name: 'Problem aware' });
    syncAll(a.ydoc, b.ydoc);
    const merged = toJSON(b);
    expect(merged.slas.find((s) => s.id === 'sla-mql-sal')?.responseTime.duration).toBe('PT2H');
    expect(merged.stages[0]?.name).toBe('Problem aware');
  });

  it('reorders by rewriting only the keys that are out of order', () => {
    const pb = fromTemplate();
    const json = toJSON(pb);
    const [first, ...rest] = json.stages;
    json.stages = [...rest, first as (typeof json.stages)[number]];
    let changedOrders = 0;
    pb.stages.observe(() => changedOrders++);
    applyJSON(pb, json);
    expect(pb.stages.ids()).toEqual(json.stages.map((s) => s.id));
    expect(changedOrders).toBe(1);
  });

  it('never renames a filed playbook when importing another playbook’s JSON', () => {
    const pb = fromTemplate();
    pb.setId('pb-mine');
    applyJSON(pb, { ...toJSON(pb), id: 'pb-other' });
    expect(pb.id).toBe('pb-mine');
    const fresh = new PlaybookDoc();
    applyJSON(fresh, { id: 'pb-new' });
    expect(fresh.id).toBe('pb-new');
  });

  it('removes items missing from the JSON', () => {
    const pb = fromTemplate();
    const json = toJSON(pb);
    json.pages = json.pages.slice(0, 1);
    applyJSON(pb, json);
    expect(pb.pages.ids()).toEqual(['page-introduction']);
  });
});

describe('reading whatever a peer wrote', () => {
  it('reads unusable stored values as defaults, so the JSON still parses', () => {
    const pb = fromTemplate();
    // Simulate an old or buggy client writing straight into the layout.
    const stage = pb.ydoc.getMap<Y.Map<unknown>>('stages').get('stage-aware');
    stage?.set('owner', 'finance');
    stage?.set('name', 42);
    stage?.set('order', '');
    pb.ydoc.getMap<unknown>('stages').set('not an id!', new Y.Map());
    pb.ydoc.getMap<unknown>('slas').set('junk', 'not a map');
    const json = toJSON(pb);
    expect(PlaybookSchema.safeParse(json).success).toBe(true);
    expect(json.stages.find((s) => s.id === 'stage-aware')).toMatchObject({ owner: 'shared', name: '' });
    expect(json.stages).toHaveLength(6);
  });
});

describe('JSON Schema export', () => {
  it('describes the canonical JSON with every top-level key required', () => {
    const schema = playbookJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'stages', 'lifecycle', 'slas', 'metrics', 'pages']));
    expect(Object.keys(schema.properties)).toHaveLength(13);
  });

  it('describes the import shape with defaulted fields optional', () => {
    const schema = playbookJsonSchema('input') as { required?: string[] };
    expect(schema.required ?? []).toEqual([]);
  });
});
