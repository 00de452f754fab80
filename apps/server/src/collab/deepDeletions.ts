import { pruneTooDeep } from '@fullcourt/playbook';
import * as Y from 'yjs';
import type { DecodedUpdate } from './updateGuard';

/**
 * Before a client's update deletes shared types, removes what they hold nested past the limit
 * (only a document stored before there was one can hold any), deepest first and in bounded steps,
 * each its own stored and broadcast update. Applied as sent, the deletion of a whole deep tree
 * recurses once per level, here and on every peer; after this, what it deletes is shallow. Costs
 * one look at each deleted item, and a walk below each deleted type that is not inside another.
 */
export function pruneWhatUpdateDeletes(doc: Y.Doc, deleteSet: DecodedUpdate['ds']): void {
  for (const [client, ranges] of deleteSet.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentType)) continue;
        const parentItem = (struct.parent as Y.AbstractType<unknown>)._item;
        // Inside a type this update deletes as well: that one's walk covers it.
        if (parentItem && Y.isDeleted(deleteSet, parentItem.id)) continue;
        pruneTooDeep(struct.content.type);
      }
    }
  }
}
