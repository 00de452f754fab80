import { longestIncreasingRun } from '../ordering/longestIncreasingRun';
import { keysBetween } from './orderKey';

/** Where an item goes in an ordered collection. `before`/`after` name a sibling by id. */
export type Position = 'start' | 'end' | { index: number } | { before: string } | { after: string };

/** A collection entry as ordering sees it: the id and the order key ('' when the stored key is unusable). */
export interface OrderedEntry {
  id: string;
  order: string;
}

/** Sorts by (order key, id): the id breaks ties left by two peers inserting at the same spot at once. */
export function compareEntries(a: OrderedEntry, b: OrderedEntry): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The order keys to write so that `id` sits at `index` among `siblings` (sorted, without `id`).
 * Usually that is one key between the two neighbours. When the neighbours share a key (peers
 * inserted at the same spot concurrently) no key fits between them, so the colliding run is
 * re-keyed around the newcomer.
 */
export function placementKeys(siblings: OrderedEntry[], index: number, id: string): Map<string, string> {
  const keyAt = (i: number) => (i < 0 || i >= siblings.length ? null : (siblings[i] as OrderedEntry).order);
  let low = index - 1;
  let high = index;
  const fits = () => {
    const below = keyAt(low);
    const above = keyAt(high);
    if (above === '') return false; // nothing sorts before an unusable key
    return below === null || above === null || below < above;
  };
  while (!fits()) {
    if (low >= 0) low--;
    if (high < siblings.length) high++;
  }
  const ids = [...siblings.slice(low + 1, index).map((s) => s.id), id, ...siblings.slice(index, high).map((s) => s.id)];
  const keys = keysBetween(keyAt(low) || null, keyAt(high), ids.length);
  return new Map(ids.map((entryId, i) => [entryId, keys[i] as string]));
}

/**
 * New order keys for a list in its wanted order, given each entry's current key (null if new).
 * Entries whose keys are already in order (the longest increasing run) keep them; only the others
 * get new keys, so re-applying a JSON that moved one item rewrites one key.
 */
export function reorderKeys(current: (string | null)[]): string[] {
  // Empty keys are unusable (see isOrderKey): treat them like new entries.
  const kept = longestIncreasingRun(current.map((key) => key || null));
  const result: string[] = new Array(current.length);
  let previous = -1;
  for (const anchor of [...kept, current.length]) {
    const lowKey = previous < 0 ? null : (current[previous] as string);
    const highKey = anchor < current.length ? (current[anchor] as string) : null;
    const fresh = keysBetween(lowKey, highKey, anchor - previous - 1);
    fresh.forEach((key, i) => {
      result[previous + 1 + i] = key;
    });
    if (anchor < current.length) result[anchor] = highKey as string;
    previous = anchor;
  }
  return result;
}
