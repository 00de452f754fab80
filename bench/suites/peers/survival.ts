/**
 * Counting what survived a crash, by the writer's Yjs clock: a Y.Text insert advances it by its
 * length and a delete not at all, and a server that stores updates in order (or whole states)
 * holds a prefix of them, so the writer's clock in the document read back says how long it is.
 */
import type { EditingTrace } from '../collab/editingTrace';

/** The writer's clock after each transaction of the trace, typed by one client into one Y.Text. */
export function clockAfterEachTxn(trace: Pick<EditingTrace, 'txns'>): number[] {
  let clock = 0;
  return trace.txns.map(({ patches }) => {
    for (const [, , insert] of patches) clock += insert.length;
    return clock;
  });
}

/**
 * How many of the first transactions a document with `writerClock` holds. A delete-only
 * transaction right after the last surviving insert cannot be told apart by the clock and
 * counts as survived: the count is exact at every insert, at most a few deletions generous.
 */
export function survivingTxns(clocks: number[], writerClock: number): number {
  let low = 0;
  let high = clocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((clocks[mid] as number) <= writerClock) low = mid + 1;
    else high = mid;
  }
  return low;
}
