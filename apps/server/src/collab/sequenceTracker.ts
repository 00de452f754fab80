/**
 * Which of a playbook's stored rows (by sequence number) are in memory: every row up to
 * `contiguous`, and some after it. On PostgreSQL the numbers are gap-free per playbook, so a row
 * known past `contiguous` + 1 means one in between was missed (a late or dropped publish) and must
 * be read back from storage. Compaction folds only up to `contiguous`: never rows not applied here.
 */
export class SequenceTracker {
  private contiguousSeq: number;
  /** Rows applied past `contiguous`, waiting for the ones before them. */
  private readonly ahead = new Set<number>();

  constructor(loadedSeq: number) {
    this.contiguousSeq = loadedSeq;
  }

  /** Every row up to this number is in memory. */
  get contiguous(): number {
    return this.contiguousSeq;
  }

  /** Whether some row before one already applied is missing. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** The highest row known to be in memory. */
  get highest(): number {
    let top = this.contiguousSeq;
    for (const seq of this.ahead) if (seq > top) top = seq;
    return top;
  }

  has(seq: number): boolean {
    return seq <= this.contiguousSeq || this.ahead.has(seq);
  }

  /** Notes rows `first`..`last` as applied. */
  mark(first: number, last = first): void {
    for (let seq = Math.max(first, this.contiguousSeq + 1); seq <= last; seq++) this.ahead.add(seq);
    while (this.ahead.delete(this.contiguousSeq + 1)) this.contiguousSeq++;
  }

  /** Everything up to `seq` is in memory (a snapshot that folds them was applied). */
  coverUpTo(seq: number): void {
    if (seq <= this.contiguousSeq) return;
    for (const known of this.ahead) if (known <= seq) this.ahead.delete(known);
    this.contiguousSeq = seq;
    while (this.ahead.delete(this.contiguousSeq + 1)) this.contiguousSeq++;
  }

  /** Whether every row up to `head` is in memory. */
  covers(head: number): boolean {
    if (head <= this.contiguousSeq) return true;
    for (let seq = this.contiguousSeq + 1; seq <= head; seq++) if (!this.ahead.has(seq)) return false;
    return true;
  }
}
