/**
 * The one seam between the server and where it keeps data. Everything above db/ sees these
 * interfaces only, so a Postgres implementation can replace SQLite without touching callers.
 * Methods are async for that reason, even though better-sqlite3 answers synchronously.
 */
export interface PlaybookRecord {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlaybookStore {
  create(input: { id: string; title: string }): Promise<PlaybookRecord>;
  list(): Promise<PlaybookRecord[]>;
  get(id: string): Promise<PlaybookRecord | undefined>;
}

/** A playbook's stored Yjs state: the snapshot, then every later update in order. */
export interface StoredDocument {
  snapshot: Uint8Array | undefined;
  updates: Uint8Array[];
  /** Sequence number of the newest row read (snapshot or update); 0 when nothing is stored. */
  lastSeq: number;
  /** Bytes stored for this playbook: snapshot plus updates. */
  storedBytes: number;
}

export interface DocumentStore {
  load(playbookId: string): Promise<StoredDocument>;
  /** Appends updates in one transaction; resolves to the sequence number of the last one. */
  append(playbookId: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Replaces the snapshot with `state`, which must contain every update up to `uptoSeq`,
   * and deletes those updates, in one transaction. Later updates are kept.
   */
  compact(playbookId: string, state: Uint8Array, uptoSeq: number): Promise<void>;
}

export interface Storage {
  playbooks: PlaybookStore;
  documents: DocumentStore;
  close(): void;
}
