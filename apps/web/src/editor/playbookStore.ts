import type {
  BuyerStage,
  ContentAsset,
  LeadState,
  MetricPeriod,
  Page,
  Persona,
  PlaybookDoc,
  Responsibility,
  Role,
  Sla,
} from '@fullcourt/playbook';

/** An immutable snapshot of the playbook for rendering; a new object after every change. */
export interface PlaybookState {
  title: string;
  description: string;
  currency: string;
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

type ListKey = Exclude<keyof PlaybookState, 'title' | 'description' | 'currency'>;

const LISTS: Record<ListKey, (doc: PlaybookDoc) => { list(): unknown[]; observe(listener: () => void): () => void }> = {
  stages: (d) => d.stages,
  lifecycle: (d) => d.lifecycle,
  slas: (d) => d.slas,
  content: (d) => d.content,
  personas: (d) => d.personas,
  roles: (d) => d.roles,
  responsibilities: (d) => d.responsibilities,
  metrics: (d) => d.metrics,
  pages: (d) => d.pages,
};

/**
 * Turns the live document into snapshots for useSyncExternalStore. Reading a collection converts
 * its rich text to Markdown, so only the collections a transaction touched are read again, and
 * only when someone asks for the snapshot (React batches a burst of remote updates into one read).
 */
export class PlaybookStore {
  private readonly listeners = new Set<() => void>();
  private readonly dirty = new Set<ListKey>(Object.keys(LISTS) as ListKey[]);
  private headerDirty = true;
  private snapshot: PlaybookState | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly playbook: PlaybookDoc) {
    for (const key of Object.keys(LISTS) as ListKey[]) {
      this.unsubscribe.push(LISTS[key](playbook).observe(() => this.dirty.add(key)));
    }
    // Collection observers run inside the transaction; tell React once it is complete.
    this.unsubscribe.push(
      playbook.observe(() => {
        this.headerDirty = true;
        for (const listener of this.listeners) listener();
      }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PlaybookState => {
    if (this.snapshot && this.dirty.size === 0 && !this.headerDirty) return this.snapshot;
    const next = { ...(this.snapshot ?? ({} as PlaybookState)) };
    if (this.headerDirty || !this.snapshot) {
      next.title = this.playbook.title;
      next.description = this.playbook.description;
      next.currency = this.playbook.currency;
    }
    for (const key of this.dirty) (next as Record<ListKey, unknown[]>)[key] = LISTS[key](this.playbook).list();
    this.dirty.clear();
    this.headerDirty = false;
    this.snapshot = next;
    return next;
  };

  destroy(): void {
    for (const off of this.unsubscribe) off();
    this.listeners.clear();
  }
}
