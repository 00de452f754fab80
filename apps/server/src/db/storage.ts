import type { BetterAuthOptions } from 'better-auth';
import type { AccessStore, AuditStore, DefaultAccess, InvitationStore, TeamStore, TokenStore, UserStore } from './accountStorage';

export type * from './accountStorage';

/** What better-auth takes as its `database` option. */
export type AuthAdapter = NonNullable<BetterAuthOptions['database']>;

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
  /** When it was moved to the trash (restorable for 30 days), and by whom; null while in use. */
  deletedAt: Date | null;
  deletedBy: string | null;
}

export interface PlaybookStore {
  create(input: { id: string; title: string; createdBy?: string | null; defaultAccess?: DefaultAccess }): Promise<PlaybookRecord>;
  /** Playbooks in use, most recently edited first; or those in the trash, most recently deleted first. */
  list(filter?: { deleted?: boolean }): Promise<PlaybookRecord[]>;
  /** A playbook's record, in the trash or not. */
  get(id: string): Promise<PlaybookRecord | undefined>;
  /** Records that a playbook was edited, with its current title (called once edits go quiet, not per edit). */
  noteEdited(id: string, title: string, at: Date): Promise<void>;
  /** Moves a playbook to the trash; false if it was already there. */
  trash(id: string, by: string, at: Date): Promise<boolean>;
  /** Takes a playbook out of the trash; false if it was not in it. */
  untrash(id: string): Promise<boolean>;
  /** Deletes for good what went to the trash before `before`, with everything it holds; returns their ids. */
  purgeTrash(before: Date): Promise<string[]>;
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

export type VersionKind = 'named' | 'checkpoint';

/** A saved version without its Yjs state (fetch that with `state()` when restoring). */
export interface VersionRecord {
  id: string;
  playbookId: string;
  number: number;
  kind: VersionKind;
  label: string;
  note: string;
  /** The canonical playbook JSON, as a string: parse only when needed. */
  json: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  stateBytes: number;
}

/** A version as listed: everything but its JSON. */
export type VersionListing = Omit<VersionRecord, 'json'>;

export interface Publication {
  version: VersionRecord;
  publishedAt: Date;
  publishedBy: string;
}

export interface VersionStore {
  /** Saves a version with the next number for its playbook. */
  create(
    input: Omit<VersionRecord, 'number' | 'stateBytes' | 'createdAt'> & { state: Uint8Array; createdAt?: Date },
  ): Promise<VersionRecord>;
  /** Newest first; `before` is a version number to page from. */
  list(playbookId: string, page: { limit: number; before?: number; kind?: VersionKind }): Promise<VersionListing[]>;
  get(playbookId: string, number: number): Promise<VersionRecord | undefined>;
  /** The published version, or undefined when none is. */
  published(playbookId: string): Promise<Publication | undefined>;
  latest(playbookId: string): Promise<VersionRecord | undefined>;
  state(versionId: string): Promise<Uint8Array | undefined>;
  /** A playbook's checkpoints by one author, id and time only (for thinning). */
  checkpoints(playbookId: string, authorId: string): Promise<{ id: string; createdAt: Date }[]>;
  /** Deletes checkpoints (never named or published versions) by id. */
  deleteCheckpoints(playbookId: string, ids: string[]): Promise<number>;
  publish(playbookId: string, versionId: string, by: string): Promise<void>;
  /** Bytes stored for a version (compressed state + JSON), for reports and benchmarks. */
  storedBytes(versionId: string): Promise<number>;
}

export interface WebhookRecord {
  id: string;
  playbookId: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: Date;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery that is due, with what is needed to send it. */
export interface DueDelivery extends DeliveryRecord {
  url: string;
  secret: string;
  payload: string;
}

export interface WebhookStore {
  create(input: { id: string; playbookId: string; url: string; secret: string; events: string[] }): Promise<WebhookRecord>;
  list(playbookId: string): Promise<WebhookRecord[]>;
  get(playbookId: string, id: string): Promise<WebhookRecord | undefined>;
  update(playbookId: string, id: string, patch: { active?: boolean; url?: string; events?: string[] }): Promise<WebhookRecord | undefined>;
  delete(playbookId: string, id: string): Promise<boolean>;
  /** Queues one delivery per active webhook of the playbook that subscribes to `event`. */
  enqueue(
    playbookId: string,
    event: string,
    payload: (webhookId: string, deliveryId: string) => string,
    newId: () => string,
  ): Promise<number>;
  due(now: Date, limit: number): Promise<DueDelivery[]>;
  recordAttempt(
    id: string,
    outcome: Pick<DeliveryRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError' | 'deliveredAt'>,
  ): Promise<void>;
  deliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
}

export interface Storage {
  playbooks: PlaybookStore;
  documents: DocumentStore;
  versions: VersionStore;
  webhooks: WebhookStore;
  users: UserStore;
  teams: TeamStore;
  access: AccessStore;
  invitations: InvitationStore;
  tokens: TokenStore;
  audit: AuditStore;
  /** better-auth's database adapter over the same database (its users, sessions, accounts tables). */
  authAdapter: AuthAdapter;
  close(): void;
}
