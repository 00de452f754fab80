import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DuplicateIdError, InvalidRecordError, ItemNotFoundError, NotALiveFieldError } from '../errors';
import { toJSON } from '../json/toJSON';
import { PlaybookDoc } from './PlaybookDoc';

function sync(...docs: PlaybookDoc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)));
    }
  }
}

function peers(): [PlaybookDoc, PlaybookDoc] {
  return [new PlaybookDoc(), new PlaybookDoc()];
}

describe('playbook collections', () => {
  it('adds records with defaults and a generated id, at the end by default', () => {
    const pb = new PlaybookDoc();
    const aware = pb.stages.add({ name: 'Aware' });
    const consider = pb.stages.add({ name: 'Consider', owner: 'sales' });
    expect(pb.stages.ids()).toEqual([aware, consider]);
    expect(pb.stages.get(consider)).toMatchObject({
      name: 'Consider',
      owner: 'sales',
      entryCriteria: [],
      plays: { marketing: [], sales: [] },
      notes: { markdown: '' },
    });
  });

  it('places new records before, after, at an index or at the start', () => {
    const pb = new PlaybookDoc();
    const b = pb.stages.add({ id: 'b', name: 'B' });
    pb.stages.add({ id: 'd', name: 'D' });
    pb.stages.add({ id: 'a', name: 'A' }, 'start');
    pb.stages.add({ id: 'c', name: 'C' }, { after: b });
    pb.stages.add({ id: 'e', name: 'E' }, { index: 99 });
    pb.stages.add({ id: 'c2', name: 'C2' }, { before: 'd' });
    expect(pb.stages.ids()).toEqual(['a', 'b', 'c', 'c2', 'd', 'e']);
  });

  it('moves a record by rewriting its order key only', () => {
    const pb = new PlaybookDoc();
    for (const id of ['a', 'b', 'c']) pb.stages.add({ id, name: id.toUpperCase() });
    let updates = 0;
    pb.ydoc.on('update', () => updates++);
    pb.stages.move('c', 'start');
    expect(pb.stages.ids()).toEqual(['c', 'a', 'b']);
    pb.stages.move('c', { after: 'b' });
    expect(pb.stages.ids()).toEqual(['a', 'b', 'c']);
    expect(updates).toBe(2);
    expect(pb.stages.get('c')?.name).toBe('C');
  });

  it('updates only the given fields and validates them', () => {
    const pb = new PlaybookDoc();
    const id = pb.slas.add({ from: null, to: null });
    pb.slas.update(id, { followUp: { attempts: 8, window: 'P14D' } });
    expect(pb.slas.get(id)).toMatchObject({ followUp: { attempts: 8, window: 'P14D' }, responseTime: { duration: 'PT24H' } });
    expect(() => pb.slas.update(id, { responseTime: { duration: '4 hours', clock: 'business' } })).toThrow(InvalidRecordError);
    expect(() => pb.slas.update(id, { nonsense: 1 } as never)).toThrow(/unknown field/);
    expect(() => pb.slas.update(id, { id: 'other' } as never)).toThrow(/cannot change/);
  });

  it('refuses fields named after Object.prototype members (constructor, __proto__, toString) as unknown, in patches and new records', () => {
    const pb = new PlaybookDoc();
    const id = pb.slas.add({ from: null, to: null });
    const before = pb.slas.get(id);
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const fields = JSON.parse(`{"${key}": {"polluted": true}}`) as never;
      expect(() => pb.slas.update(id, fields), key).toThrow(new RegExp(`${key.replaceAll('_', '\\_')}: unknown field`));
      expect(() => pb.roles.add({ name: 'x', ...(fields as object) }), key).toThrow(/unknown field/);
    }
    expect(pb.slas.get(id)).toEqual(before);
    expect(pb.roles.size).toBe(0);
  });

  it('reports unknown and duplicate ids as typed errors', () => {
    const pb = new PlaybookDoc();
    pb.roles.add({ id: 'marketing', name: 'Marketing' });
    expect(() => pb.roles.add({ id: 'marketing', name: 'Again' })).toThrow(DuplicateIdError);
    expect(() => pb.roles.update('nope', { name: 'x' })).toThrow(ItemNotFoundError);
    expect(() => pb.roles.move('nope', 'start')).toThrow(ItemNotFoundError);
    expect(() => pb.roles.delete('nope')).toThrow(ItemNotFoundError);
    expect(() => pb.roles.add({ name: 'x' }, { before: 'nope' })).toThrow(ItemNotFoundError);
    expect(() => pb.roles.add({ id: 'not an id!', name: 'x' })).toThrow(InvalidRecordError);
    expect(() => pb.roles.add({ name: 'x', colour: 'red' } as never)).toThrow(/colour: unknown field/);
  });

  it('drops links to a deleted stage, persona or role, but keeps SLAs pointing at a deleted state', () => {
    const pb = new PlaybookDoc();
    const stage = pb.stages.add({ name: 'Consider' });
    const persona = pb.personas.add({ name: 'CFO' });
    const role = pb.roles.add({ name: 'Sales' });
    const state = pb.lifecycle.add({ name: 'MQL' });
    const asset = pb.content.add({ title: 'ROI', stageIds: [stage], personaIds: [persona] });
    const activity = pb.responsibilities.add({ activity: 'Follow up', raci: { [role]: 'A' } });
    const sla = pb.slas.add({ from: state });
    pb.stages.delete(stage);
    pb.personas.delete(persona);
    pb.roles.delete(role);
    pb.lifecycle.delete(state);
    expect(pb.content.get(asset)).toMatchObject({ stageIds: [], personaIds: [] });
    expect(pb.responsibilities.get(activity)?.raci).toEqual({});
    expect(pb.slas.get(sla)?.from).toBe(state);
  });

  it('sets and clears one RACI letter without touching the others', () => {
    const pb = new PlaybookDoc();
    const id = pb.responsibilities.add({ activity: 'Follow up all MQLs', raci: { marketing: 'I' } });
    pb.setRaci(id, 'sales', 'A');
    expect(pb.responsibilities.get(id)?.raci).toEqual({ marketing: 'I', sales: 'A' });
    pb.setRaci(id, 'marketing', null);
    expect(pb.responsibilities.get(id)?.raci).toEqual({ sales: 'A' });
  });

  it('keeps playbook-level fields: id, title, description, currency and attribution', () => {
    const pb = new PlaybookDoc();
    expect(pb.id).toBeNull();
    pb.setId('pb_1');
    pb.setTitle('Revenue playbook');
    pb.setDescription('How we work');
    pb.setCurrency('EUR');
    pb.setAttribution('First touch gets **credit**.');
    expect(toJSON(pb)).toMatchObject({
      id: 'pb_1',
      title: 'Revenue playbook',
      description: 'How we work',
      metrics: { currency: 'EUR' },
      attribution: { markdown: 'First touch gets **credit**.' },
    });
    expect(() => pb.setCurrency('euro')).toThrow(InvalidRecordError);
  });

  it('notifies observers of local and remote changes', () => {
    const [a, b] = peers();
    const seen: boolean[] = [];
    const stop = b.observe((change) => seen.push(change.local));
    b.setTitle('Local');
    a.setTitle('Remote');
    sync(a, b);
    stop();
    b.setTitle('Unobserved');
    expect(seen).toEqual([true, false]);
  });
});

describe('live fields for editors', () => {
  it('hands out the Y.Text of a text field, also inside a group', () => {
    const pb = new PlaybookDoc();
    const id = pb.lifecycle.add({ name: 'MQL' });
    const name = pb.lifecycle.text(id, 'name');
    name.insert(3, ' (marketing)');
    pb.lifecycle.text(id, 'bant.budget').insert(0, 'Approved');
    expect(pb.lifecycle.get(id)).toMatchObject({ name: 'MQL (marketing)', bant: { budget: 'Approved' } });
  });

  it('hands out the Y.XmlFragment of a rich field for the Tiptap Collaboration extension', () => {
    const pb = new PlaybookDoc();
    const id = pb.pages.add({ title: 'Glossary', body: { markdown: 'MQL: marketing qualified lead' } });
    const fragment = pb.pages.fragment(id, 'body');
    expect(fragment).toBeInstanceOf(Y.XmlFragment);
    expect(fragment.length).toBe(1);
    expect(pb.attributionFragment()).toBeInstanceOf(Y.XmlFragment);
  });

  it('refuses a field that is not stored as live text', () => {
    const pb = new PlaybookDoc();
    const id = pb.stages.add({ name: 'Aware' });
    expect(() => pb.stages.text(id, 'owner')).toThrow(NotALiveFieldError);
    expect(() => pb.stages.fragment(id, 'name')).toThrow(NotALiveFieldError);
    expect(() => pb.stages.text(id, 'missing')).toThrow(NotALiveFieldError);
  });
});

describe('concurrent editing', () => {
  it('merges two people typing in the same stage name per character', () => {
    const [a, b] = peers();
    a.stages.add({ id: 'evaluate', name: 'Evaluate' });
    sync(a, b);
    a.stages.update('evaluate', { name: 'Evaluate options' });
    b.stages.update('evaluate', { name: 'Evaluate (sales)' });
    sync(a, b);
    expect(a.stages.get('evaluate')?.name).toBe(b.stages.get('evaluate')?.name);
    expect(a.stages.get('evaluate')?.name).toContain(' options');
    expect(a.stages.get('evaluate')?.name).toContain(' (sales)');
  });

  it('keeps one copy of an item moved concurrently to two places', () => {
    const [a, b] = peers();
    for (const id of ['s1', 's2', 's3', 's4']) a.stages.add({ id, name: id });
    sync(a, b);
    a.stages.move('s1', 'end');
    b.stages.move('s1', { after: 's2' });
    sync(a, b);
    expect(a.stages.ids()).toEqual(b.stages.ids());
    expect([...a.stages.ids()].sort()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('keeps an item edited on one side while moved on the other', () => {
    const [a, b] = peers();
    for (const id of ['s1', 's2']) a.stages.add({ id, name: id });
    sync(a, b);
    a.stages.move('s1', 'end');
    b.stages.update('s1', { goal: 'Learn' });
    sync(a, b);
    expect(a.stages.ids()).toEqual(['s2', 's1']);
    expect(a.stages.get('s1')?.goal).toBe('Learn');
  });

  it('orders two items inserted at the same spot the same way on every peer, and can insert between them', () => {
    const [a, b] = peers();
    a.stages.add({ id: 'first', name: 'First' });
    a.stages.add({ id: 'last', name: 'Last' });
    sync(a, b);
    a.stages.add({ id: 'x', name: 'X' }, { after: 'first' });
    b.stages.add({ id: 'y', name: 'Y' }, { after: 'first' });
    sync(a, b);
    expect(a.stages.ids()).toEqual(b.stages.ids());
    expect(a.stages.ids()).toEqual(['first', 'x', 'y', 'last']);
    a.stages.add({ id: 'between', name: 'Between' }, { after: 'x' });
    expect(a.stages.ids()).toEqual(['first', 'x', 'between', 'y', 'last']);
  });

  it('merges concurrent RACI letters for different roles, which can leave two A’s', () => {
    const [a, b] = peers();
    a.responsibilities.add({ id: 'follow-up', activity: 'Follow up all MQLs' });
    sync(a, b);
    a.setRaci('follow-up', 'marketing', 'A');
    b.setRaci('follow-up', 'sales', 'A');
    sync(a, b);
    expect(a.responsibilities.get('follow-up')?.raci).toEqual({ marketing: 'A', sales: 'A' });
  });

  it('merges concurrent links of one asset to different stages', () => {
    const [a, b] = peers();
    a.stages.add({ id: 'consider', name: 'Consider' });
    a.stages.add({ id: 'decide', name: 'Decide' });
    a.content.add({ id: 'roi', title: 'ROI calculator' });
    sync(a, b);
    a.linkAsset('roi', { stageId: 'consider' });
    b.linkAsset('roi', { stageId: 'decide' });
    b.linkAsset('roi', { personaId: 'cfo' });
    sync(a, b);
    expect(a.content.get('roi')).toMatchObject({ stageIds: ['consider', 'decide'], personaIds: ['cfo'] });
    a.unlinkAsset('roi', { personaId: 'cfo' });
    expect(a.content.get('roi')?.personaIds).toEqual([]);
  });

  it('keeps a concurrent edit of one line when another line of the list is removed', () => {
    const [a, b] = peers();
    a.stages.add({ id: 's', exitSignals: ['Requests a demo', 'Visits pricing', 'Downloads the guide'] });
    sync(a, b);
    a.stages.update('s', { exitSignals: ['Requests a demo', 'Downloads the guide'] });
    b.stages.update('s', { exitSignals: ['Requests a demo', 'Visits pricing', 'Downloads the buyer guide'] });
    sync(a, b);
    expect(a.stages.get('s')?.exitSignals).toEqual(['Requests a demo', 'Downloads the buyer guide']);
  });
});
