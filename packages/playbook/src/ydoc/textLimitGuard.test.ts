import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollectionName } from '../records/Playbook';
import { clipText, TEXT_LIMITS } from '../records/textLimits';
import type { FieldCodec } from './field';
import * as layouts from './layouts';
import { PlaybookDoc } from './PlaybookDoc';
import { cutBackOverLimitTexts, fieldTextLimit } from './textLimitGuard';

const layoutOf: Record<CollectionName, Record<string, FieldCodec<unknown>>> = {
  stages: layouts.stageLayout,
  lifecycle: layouts.leadStateLayout,
  slas: layouts.slaLayout,
  content: layouts.assetLayout,
  personas: layouts.personaLayout,
  roles: layouts.roleLayout,
  responsibilities: layouts.responsibilityLayout,
  metrics: layouts.metricPeriodLayout,
  pages: layouts.pageLayout,
} as never;

function plainTextPaths(fields: Record<string, FieldCodec<unknown>>, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([field, codec]) => {
    if (codec.kind === 'group') return plainTextPaths(codec.children ?? {}, `${prefix}${field}.`);
    return codec.kind === 'text' || codec.kind === 'list' ? [`${prefix}${field}`] : [];
  });
}

/** Applies `edit` made on a peer's copy to `doc` inside one transaction, cutting back as the server does. */
function receive(doc: Y.Doc, edit: (peer: PlaybookDoc) => void) {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(peer);
  edit(new PlaybookDoc(peer));
  const update = Y.encodeStateAsUpdate(peer, before);
  let over: ReturnType<typeof cutBackOverLimitTexts> = [];
  doc.transact((transaction) => {
    Y.applyUpdate(doc, update);
    over = cutBackOverLimitTexts(transaction);
  });
  return over;
}

describe('plain-text limits', () => {
  it('cover every plain-text field of every record, read from the record schemas', () => {
    for (const [collection, fields] of Object.entries(layoutOf)) {
      for (const path of plainTextPaths(fields)) {
        expect(fieldTextLimit(collection as CollectionName, path), `${collection}.${path}`).toBeGreaterThan(0);
      }
    }
    expect(fieldTextLimit('playbook', 'title')).toBe(TEXT_LIMITS.name);
    expect(fieldTextLimit('lifecycle', 'bant.budget')).toBe(TEXT_LIMITS.criterion);
    expect(fieldTextLimit('stages', 'plays.sales')).toBe(TEXT_LIMITS.line);
    expect(fieldTextLimit('stages', 'notes')).toBeUndefined();
  });

  it('clip a text stored too long on reading, with a mark, never splitting a surrogate pair', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('abcdefghijk', 5)).toBe('abcd…');
    expect(clipText('abc😀def', 5)).toBe('abc…');
  });

  it('cut back only what an update added past the limit, keeping the rest of the update', () => {
    const doc = new Y.Doc();
    const mine = new PlaybookDoc(doc);
    mine.setTitle('x'.repeat(150));
    const id = mine.stages.add({ name: 'Aware' });
    const over = receive(doc, (peer) => {
      peer.titleText().insert(0, 'y'.repeat(100));
      peer.stages.update(id, { goal: 'Learns what good looks like' });
    });
    expect(over).toEqual([{ path: 'title', limit: 200, removed: 50 }]);
    expect(mine.title).toBe(`${'y'.repeat(50)}${'x'.repeat(150)}`);
    expect(mine.stages.get(id)?.goal).toBe('Learns what good looks like');
  });

  it('let a text stored over-long before the limits shrink but not grow', () => {
    const doc = new Y.Doc();
    doc.getText('title').insert(0, 'o'.repeat(300));
    expect(receive(doc, (peer) => peer.titleText().insert(300, 'more'))).toEqual([{ path: 'title', limit: 200, removed: 4 }]);
    expect(doc.getText('title').toString()).toBe('o'.repeat(300));
    expect(receive(doc, (peer) => peer.titleText().delete(0, 10))).toEqual([]);
    expect(doc.getText('title').length).toBe(290);
  });
});
