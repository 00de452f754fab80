import { boundGarbageCollection } from '@fullcourt/playbook';
import * as Y from 'yjs';
import type { StoredDocument } from '../db';
import { pruneWhatUpdateDeletes } from './deepDeletions';

/**
 * Replays a playbook's stored state into its document, in one transaction. `carefully` is the second
 * attempt for a document whose plain replay failed: stored before nesting was limited, it deletes
 * content so deep that Yjs, applying a deletion by recursing through everything below it, overflows
 * the stack. Each update is then applied in two halves: its content, then, once what it deletes has
 * been pruned bottom-up, its deletions. The document ends up the same, only built in another order.
 */
export function replayStored(doc: Y.Doc, stored: StoredDocument, carefully = false): void {
  replayUpdates(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates, carefully);
}

/**
 * A document holding stored Yjs updates (a saved version's state, say), read plainly and, should
 * that fail, carefully (see replayStored), with its garbage collection bounded.
 */
export function documentFromStored(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  boundGarbageCollection(doc);
  try {
    replayUpdates(doc, updates, false);
    return doc;
  } catch {
    doc.destroy();
  }
  const again = new Y.Doc();
  boundGarbageCollection(again);
  replayUpdates(again, updates, true);
  return again;
}

function replayUpdates(doc: Y.Doc, updates: Uint8Array[], carefully: boolean): void {
  doc.transact(() => {
    for (const update of updates) {
      if (!carefully) {
        Y.applyUpdate(doc, update);
        continue;
      }
      const { ds } = Y.decodeUpdate(update);
      const [content, deletions] = splitUpdate(update, ds);
      Y.applyUpdate(doc, content);
      pruneWhatUpdateDeletes(doc, ds);
      Y.applyUpdate(doc, deletions);
    }
  });
}

/**
 * A (v1) update is its structs followed by its delete set. Yjs writes canonical varints, so the
 * delete set takes as many bytes as it does re-encoded, and the update splits there; each half is
 * made a complete update by an empty other half (a zero count).
 */
function splitUpdate(update: Uint8Array, ds: ReturnType<typeof Y.decodeUpdate>['ds']): [Uint8Array, Uint8Array] {
  // A snapshot is a delete set followed by a state vector, here an empty one: one byte.
  const dsBytes = Y.encodeSnapshot(Y.createSnapshot(ds, new Map())).byteLength - 1;
  const at = update.byteLength - dsBytes;
  const content = new Uint8Array(at + 1);
  content.set(update.subarray(0, at));
  const deletions = new Uint8Array(dsBytes + 1);
  deletions.set(update.subarray(at), 1);
  return [content, deletions];
}
