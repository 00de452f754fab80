import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boundGarbageCollection, nestedDeeperThan, pruneTooDeep } from './deepContent';

/** `levels` blockquotes nested in a root fragment, built in one transaction; returns the fragment. */
function chain(doc: Y.Doc, levels: number): Y.XmlFragment {
  const fragment = doc.getXmlFragment('body');
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
  });
  return fragment;
}

function depthBelow(fragment: Y.XmlFragment): number {
  let depth = 0;
  for (let node = fragment.firstChild; node instanceof Y.XmlElement; node = node.firstChild) depth++;
  return depth;
}

describe('deep shared types', () => {
  it('prunes what is nested past a depth deepest first, one bounded step per update, which any peer applies without recursing per level', () => {
    const doc = new Y.Doc();
    const fragment = chain(doc, 20_000);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));

    expect(pruneTooDeep(fragment, 10)).toBe(19_990);
    expect(depthBelow(fragment)).toBe(10);
    // 512 levels a step.
    expect(updates).toHaveLength(Math.ceil(19_990 / 512));
    // A plain peer (no bounded collection) applies each step: none recurses more than 512 levels.
    for (const update of updates) Y.applyUpdate(peer, update);
    expect(depthBelow(peer.getXmlFragment('body'))).toBe(10);
    expect(nestedDeeperThan(peer.getXmlFragment('body'), 10)).toBe(false);
  });

  it('leaves shallow content alone', () => {
    const doc = new Y.Doc();
    const fragment = chain(doc, 30);
    expect(pruneTooDeep(fragment)).toBe(0);
    expect(depthBelow(fragment)).toBe(30);
  });

  it('collects a deep deletion made in one transaction children first, and the document keeps emitting updates', () => {
    const doc = new Y.Doc();
    boundGarbageCollection(doc);
    const fragment = chain(doc, 30_000);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    // Inside a transaction the deletion is one update, and Yjs' own collection would walk all 30,000 levels at its end.
    doc.transact(() => pruneTooDeep(fragment, 0));
    expect(updates).toHaveLength(1);
    expect(fragment.length).toBe(0);

    doc.getText('after').insert(0, 'still alive');
    expect(updates).toHaveLength(2);
    // Collected: the state holds ranges of garbage, not 30,000 elements, and loads anywhere.
    const state = Y.encodeStateAsUpdate(doc);
    expect(state.byteLength).toBeLessThan(1_000);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.getText('after').toString()).toBe('still alive');
  });

  it('collects completely when loading a state that holds a deep deletion nobody collected', () => {
    const old = new Y.Doc({ gc: false });
    const fragment = chain(old, 3_000);
    old.transact(() => pruneTooDeep(fragment, 0));
    const doc = new Y.Doc();
    boundGarbageCollection(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(old));
    expect(doc.getXmlFragment('body').length).toBe(0);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(1_000);
  });
});
