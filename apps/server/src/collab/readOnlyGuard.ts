import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';

/**
 * Whether applying `update` would change `doc`: it holds an item the document lacks, or deletes
 * something the document has not deleted. A read-only client's first sync step 2 carries
 * what it already has from the server (and, as Yjs always does, its whole delete set), which
 * changes nothing; anything beyond that is an edit.
 */
export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return true;
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    for (const range of ranges) if (!covered(have, range.clock, range.len)) return true;
  }
  return false;
}

/** Whether [clock, clock + len) lies within the sorted, merged ranges. */
function covered(ranges: { clock: number; len: number }[], clock: number, len: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as { clock: number; len: number };
    if (clock < r.clock) hi = mid - 1;
    else if (clock >= r.clock + r.len) lo = mid + 1;
    else return clock + len <= r.clock + r.len;
  }
  return false;
}

/** Refuses an update from a read-only connection that would change the document (close 4403, document untouched). */
export function refuseChangeFromReader(doc: Y.Doc, update: Uint8Array): void {
  if (changesDocument(doc, update)) {
    throw new CloseReason(CloseCode.forbidden, 'You can only view this playbook; your change was not saved.');
  }
}
