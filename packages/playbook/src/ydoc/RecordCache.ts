import type { Collection, IdOf, RecordOf, RecordSchema } from './Collection';

/**
 * The records of one collection, read once and kept until they change: a record object keeps its
 * identity until that record changes, and the list and ids keep theirs until any record (or the
 * order) does, so a renderer can skip what did not change by comparing references. Reading a
 * record converts its rich text to Markdown, which is why re-reading every record on every
 * keystroke made typing cost more the bigger the playbook. Records are shared: never mutate them.
 */
export class RecordCache<S extends RecordSchema> {
  private readonly records = new Map<string, RecordOf<S> | undefined>();
  private listCache: RecordOf<S>[] | null = null;
  private idsCache: IdOf<S>[] | null = null;
  private readonly stop: () => void;

  constructor(private readonly collection: Collection<S>) {
    this.stop = collection.observeRecords(({ changed, reordered }) => {
      for (const id of changed) this.records.delete(id);
      this.listCache = null;
      if (reordered) this.idsCache = null;
    });
  }

  /** One record, or undefined when it is not there; the same object until it changes. */
  get(id: string): RecordOf<S> | undefined {
    if (this.records.has(id)) return this.records.get(id);
    const record = this.collection.get(id);
    this.records.set(id, record);
    return record;
  }

  /** The ids in order; the same array until a record is added, deleted or moved. */
  ids(): IdOf<S>[] {
    this.idsCache ??= this.collection.ids();
    return this.idsCache;
  }

  /** Every record in order; the same array until any record changes. */
  list(): RecordOf<S>[] {
    this.listCache ??= this.ids().flatMap((id) => {
      const record = this.get(id);
      return record ? [record] : [];
    });
    return this.listCache;
  }

  destroy(): void {
    this.stop();
    this.records.clear();
  }
}
