import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlaybookDoc } from './PlaybookDoc';
import { RecordCache } from './RecordCache';

function playbookWithStages(names: string[]): PlaybookDoc {
  const doc = new PlaybookDoc();
  doc.transact(() => {
    for (const name of names) doc.stages.add({ id: `stage-${name.toLowerCase()}`, name });
  });
  return doc;
}

describe('RecordCache', () => {
  it('keeps the same record object until that record changes, and reads it again after', () => {
    const doc = playbookWithStages(['Aware', 'Consider', 'Decide']);
    const cache = new RecordCache(doc.stages);
    const [aware, consider] = cache.list();
    doc.stages.text('stage-consider', 'name').insert(8, 'ing');
    const after = cache.list();
    expect(after[0]).toBe(aware);
    expect(after[1]).not.toBe(consider);
    expect(after[1]?.name).toBe('Considering');
    expect(cache.get('stage-consider')).toBe(after[1]);
  });

  it('keeps the list and the ids while nothing changes, and the ids while only a field changes', () => {
    const doc = playbookWithStages(['Aware', 'Decide']);
    const cache = new RecordCache(doc.stages);
    const list = cache.list();
    const ids = cache.ids();
    expect(cache.list()).toBe(list);
    doc.stages.update('stage-aware', { goal: 'Knows us' });
    expect(cache.list()).not.toBe(list);
    expect(cache.ids()).toBe(ids);
  });

  it('gives new ids after an add, a delete or a move, and notices changes that come from a peer', () => {
    const doc = playbookWithStages(['Aware', 'Decide']);
    const cache = new RecordCache(doc.stages);
    let ids = cache.ids();
    doc.stages.move('stage-decide', 'start');
    expect(cache.ids()).not.toBe(ids);
    expect(cache.ids()).toEqual(['stage-decide', 'stage-aware']);
    ids = cache.ids();
    doc.stages.delete('stage-aware');
    expect(cache.ids()).toEqual(['stage-decide']);
    expect(cache.get('stage-aware')).toBeUndefined();

    const peer = new PlaybookDoc();
    Y.applyUpdate(peer.ydoc, Y.encodeStateAsUpdate(doc.ydoc));
    peer.stages.add({ id: 'stage-buy', name: 'Buy' });
    peer.stages.update('stage-decide', { entryCriteria: ['Budget'] });
    const decide = cache.get('stage-decide');
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(peer.ydoc));
    expect(cache.ids()).toEqual(['stage-decide', 'stage-buy']);
    expect(cache.get('stage-decide')).not.toBe(decide);
    expect(cache.get('stage-decide')?.entryCriteria).toEqual(['Budget']);
  });

  it('reads a record again when its rich text changes', () => {
    const doc = playbookWithStages(['Aware']);
    const cache = new RecordCache(doc.stages);
    const before = cache.get('stage-aware');
    doc.stages.update('stage-aware', { notes: { markdown: 'Hello' } });
    expect(cache.get('stage-aware')).not.toBe(before);
    expect(cache.get('stage-aware')?.notes.markdown).toBe('Hello');
  });
});
