import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTxn, type Patch } from '../collab/editingTrace';
import { clockAfterEachTxn, survivingTxns } from './survival';

const txns: { patches: Patch[] }[] = [
  { patches: [[0, 0, 'Hello']] },
  { patches: [[5, 0, ' world']] },
  { patches: [[0, 1, 'J']] },
  { patches: [[10, 1, '']] },
  { patches: [[0, 0, '😀 ']] },
  { patches: [[3, 2, 'ab']] },
];

function writerClockAfter(count: number): number {
  const doc = new Y.Doc();
  const text = doc.getText('trace');
  for (const txn of txns.slice(0, count)) applyTxn(doc, text, txn);
  return Y.getState(doc.store, doc.clientID);
}

describe('counting surviving trace transactions by the writer clock', () => {
  it('predicts the clock Yjs gives the writer after each transaction', () => {
    const clocks = clockAfterEachTxn({ txns });
    for (let count = 1; count <= txns.length; count += 1) expect(clocks[count - 1]).toBe(writerClockAfter(count));
  });

  it('counts every transaction a document holds, and none it does not', () => {
    const clocks = clockAfterEachTxn({ txns });
    expect(survivingTxns(clocks, 0)).toBe(0);
    expect(survivingTxns(clocks, writerClockAfter(2))).toBe(2);
    expect(survivingTxns(clocks, writerClockAfter(5))).toBe(5);
    expect(survivingTxns(clocks, writerClockAfter(txns.length))).toBe(txns.length);
  });

  it('counts a delete-only transaction with the insert before it', () => {
    const clocks = clockAfterEachTxn({ txns });
    // The fourth transaction only deletes: a document with three has the same writer clock.
    expect(survivingTxns(clocks, writerClockAfter(3))).toBe(4);
  });
});
