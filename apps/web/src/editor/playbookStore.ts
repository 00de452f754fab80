import {
  type BuyerStage,
  COLLECTION_PATHS,
  type CollectionName,
  type ContentAsset,
  type LeadState,
  type MetricPeriod,
  type Page,
  type Persona,
  type PlaybookDoc,
  RecordCache,
  type RecordSchema,
  type Responsibility,
  type Role,
  type Sla,
} from '@fullcourt/playbook';

/** The records of each collection, as the editor renders them. */
export interface PlaybookRecords {
  stages: BuyerStage[];
  lifecycle: LeadState[];
  slas: Sla[];
  content: ContentAsset[];
  personas: Persona[];
  roles: Role[];
  responsibilities: Responsibility[];
  metrics: MetricPeriod[];
  pages: Page[];
}

/** The playbook's own fields, outside any collection. */
export interface PlaybookHeader {
  title: string;
  description: string;
  currency: string;
}

/** The whole playbook as plain records (what the validator reads). */
export type PlaybookState = PlaybookHeader & PlaybookRecords;

export type ListKey = keyof PlaybookRecords;
export type RecordIn<K extends ListKey> = PlaybookRecords[K][number];

/** The package's collections, in its order: one list, so a new collection reaches the editor's store. */
export const LIST_KEYS: readonly ListKey[] = Object.keys(COLLECTION_PATHS) as CollectionName[];

type Topic = ListKey | 'header';

/**
 * The live document as snapshots for useSyncExternalStore, per record: each record object keeps
 * its identity until that record changes (RecordCache), and listeners are told only about the
 * collections a transaction touched, once it is complete. A card that reads its own record
 * re-renders when that record changes and never because a neighbour did.
 */
export class PlaybookStore {
  private readonly caches: { [K in ListKey]: RecordCache<RecordSchema> };
  private readonly listeners = new Map<Topic, Set<() => void>>();
  private readonly touched = new Set<Topic>();
  private header: PlaybookHeader;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly playbook: PlaybookDoc) {
    this.caches = Object.fromEntries(LIST_KEYS.map((key) => [key, new RecordCache(playbook.collection(key))])) as PlaybookStore['caches'];
    for (const key of LIST_KEYS) {
      this.unsubscribe.push(playbook.collection(key).observe(() => this.touched.add(key)));
    }
    this.header = this.readHeader();
    // Collection observers run inside the transaction; tell React once it is complete.
    this.unsubscribe.push(playbook.observe(() => this.publish()));
  }

  /** Calls `listener` after each transaction that changed `topic` (a collection, or the header). */
  subscribeTo(topic: Topic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  record<K extends ListKey>(key: K, id: string): RecordIn<K> | undefined {
    return this.caches[key].get(id) as RecordIn<K> | undefined;
  }

  /** The ids of a collection in order; the same array until one is added, deleted or moved. */
  ids(key: ListKey): string[] {
    return this.caches[key].ids();
  }

  records<K extends ListKey>(key: K): PlaybookRecords[K] {
    return this.caches[key].list() as PlaybookRecords[K];
  }

  getHeader = (): PlaybookHeader => this.header;

  destroy(): void {
    for (const off of this.unsubscribe) off();
    for (const cache of Object.values(this.caches)) cache.destroy();
    this.listeners.clear();
  }

  private readHeader(): PlaybookHeader {
    return { title: this.playbook.title, description: this.playbook.description, currency: this.playbook.currency };
  }

  private publish(): void {
    const header = this.readHeader();
    const prev = this.header;
    if (header.title !== prev.title || header.description !== prev.description || header.currency !== prev.currency) {
      this.header = header;
      this.touched.add('header');
    }
    const topics = [...this.touched];
    this.touched.clear();
    for (const topic of topics) {
      for (const listener of this.listeners.get(topic) ?? []) listener();
    }
  }
}
