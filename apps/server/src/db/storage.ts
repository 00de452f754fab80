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

/** Where a page of the playbook list ended: its last playbook's edit time and id (the list's order). */
export interface PlaybookCursor {
  updatedAt: Date;
  id: string;
}

export interface PlaybookPage {
  items: PlaybookRecord[];
  /** How many playbooks there are in all. */
  total: number;
  /** Whether more follow the last item. */
  hasMore: boolean;
}

export interface PlaybookStore {
  create(input: { id: string; title: string; createdBy?: string | null; defaultAccess?: DefaultAccess }): Promise<PlaybookRecord>;
  /**
   * One page of the playbooks in use, most recently edited first: `limit` items after `after` (or
   * after skipping `offset`); with `ids`, only those (the ones the caller may read).
   */
  list(page: { limit: number; offset?: number; after?: PlaybookCursor; ids?: readonly string[] }): Promise<PlaybookPage>;
  /** Those in the trash, most recently deleted first. */
  listDeleted(): Promise<PlaybookRecord[]>;
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

/** A stored update with its sequence number. */
export interface SequencedUpdate {
  seq: number;
  update: Uint8Array;
}

/** What storage holds of a playbook after a sequence number (see DocumentStore.since). */
export interface StoredTail {
  /** Present when rows after the asked number were folded into the snapshot: apply it first. */
  snapshot?: { state: Uint8Array; uptoSeq: number };
  /** The rows after the asked number (or after the snapshot), in order. */
  updates: SequencedUpdate[];
}

/**
 * A playbook's Yjs state. Sequence numbers grow per playbook; the updates of one `append` get
 * consecutive numbers ending at the one it resolves to. On PostgreSQL they are also gap-free per
 * playbook (a per-playbook head incremented in the insert's transaction), which is what lets a
 * process that hears of update n+2 before n+1 know that it missed one.
 */
export interface DocumentStore {
  load(playbookId: string): Promise<StoredDocument>;
  /** Appends updates in one transaction; resolves to the sequence number of the last one. */
  append(playbookId: string, updates: Uint8Array[]): Promise<number>;
  /** The rows stored after `afterSeq` (catching up after a missed or late publish). */
  since(playbookId: string, afterSeq: number): Promise<StoredTail>;
  /** The newest sequence number of each playbook asked about (0 when none is stored): one query for every open document. */
  heads(playbookIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Replaces the snapshot with `state`, which must contain every update up to `uptoSeq`,
   * and deletes those updates, in one transaction. Later updates are kept. One compaction runs at
   * a time per playbook (across processes), and one that would not move the snapshot forward
   * (the stored one is already at or past `uptoSeq`) changes nothing: a document that has not
   * caught up never overwrites what another process stored. Resolves to whether it compacted.
   */
  compact(playbookId: string, state: Uint8Array, uptoSeq: number): Promise<boolean>;
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

/** What saving a version needs; the store gives it the next number. */
export type NewVersion = Omit<VersionRecord, 'number' | 'stateBytes' | 'createdAt'> & { state: Uint8Array; createdAt?: Date };

export interface VersionStore {
  /** Saves a version with the next number for its playbook (never one number twice, even when processes save at once). */
  create(input: NewVersion): Promise<VersionRecord>;
  /**
   * Saves a version and appends a document update in one transaction: a restore and the backup
   * of what it replaces are stored together or not at all. Resolves to the update's sequence number.
   */
  createWithUpdate(input: NewVersion, update: Uint8Array): Promise<{ version: VersionRecord; seq: number }>;
  /** How many versions of a kind a playbook has (for its quota). */
  count(playbookId: string, kind: VersionKind): Promise<number>;
  /** Newest first; `before` is a version number to page from. */
  list(playbookId: string, page: { limit: number; before?: number; kind?: VersionKind }): Promise<VersionListing[]>;
  get(playbookId: string, number: number): Promise<VersionRecord | undefined>;
  /** The published version, or undefined when none is. */
  published(playbookId: string): Promise<Publication | undefined>;
  latest(playbookId: string): Promise<VersionRecord | undefined>;
  state(versionId: string): Promise<Uint8Array | undefined>;
  /** A playbook's checkpoints by one author (`is`) or by everyone but one (`isNot`), id and time only (for thinning). */
  checkpoints(playbookId: string, author: { is: string } | { isNot: string }): Promise<{ id: string; number: number; createdAt: Date }[]>;
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
  /** Deliveries that failed in a row (after all their attempts). */
  consecutiveFailures: number;
  /** Set when the server turned the webhook off after failures in a row; null when it is on or a person paused it. */
  disabledAt: Date | null;
  disabledReason: string | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'refused';

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  event: string;
  status: DeliveryStatus;
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

/** An event about a playbook, with the one payload every subscribed webhook receives. */
export interface WebhookEventRecord {
  id: string;
  playbookId: string;
  event: string;
  payload: string;
  createdAt: Date;
}

export type AttemptOutcome = Pick<DeliveryRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError' | 'deliveredAt'>;

/** What happens to a webhook when one of its deliveries ends. */
export interface DeliveryRules {
  /** Failed (or refused) deliveries in a row that turn the webhook off. */
  disableAfterFailures: number;
  /** Why it was turned off, as shown to people, if this delivery turns it off. */
  disabledReason: string;
  /** Finished deliveries kept in the webhook's log (the newest). */
  keepPerWebhook: number;
}

export interface WebhookStore {
  /** Adds a webhook unless the playbook already has `maxPerPlaybook` (then undefined), in one transaction. */
  create(
    input: { id: string; playbookId: string; url: string; secret: string; events: string[] },
    maxPerPlaybook: number,
  ): Promise<WebhookRecord | undefined>;
  list(playbookId: string): Promise<WebhookRecord[]>;
  get(playbookId: string, id: string): Promise<WebhookRecord | undefined>;
  /** Changes a webhook; setting `active` (pausing, resuming, turning back on) also starts a new run of failures. */
  update(playbookId: string, id: string, patch: { active?: boolean; url?: string; events?: string[] }): Promise<WebhookRecord | undefined>;
  delete(playbookId: string, id: string): Promise<boolean>;
  /** Whether any active webhook of the playbook subscribes to `event`: the payload is built only when someone listens. */
  subscribed(playbookId: string, event: string): Promise<boolean>;
  /**
   * Stores the event (its payload once) and queues one delivery of it for every active webhook of
   * the playbook that subscribes to it, in one transaction; returns how many were queued.
   */
  enqueue(event: WebhookEventRecord, newDeliveryId: () => string): Promise<number>;
  /**
   * Claims up to `limit` deliveries due at `now` for active webhooks: each is leased until
   * `leaseUntil`, so no other poll or process sends it meanwhile, and one whose sender died is
   * sent again once the lease ends. (On a server database: SELECT … FOR UPDATE SKIP LOCKED.)
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<DueDelivery[]>;
  /**
   * Records an attempt. When the delivery ends (anything but `pending`) the webhook's run of
   * failures is updated (a success ends it; reaching `disableAfterFailures` turns the webhook off)
   * and its log is trimmed to the newest `keepPerWebhook` finished deliveries.
   */
  recordAttempt(id: string, outcome: AttemptOutcome, rules: DeliveryRules): Promise<{ turnedOff: boolean }>;
  deliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
  /** Deletes deliveries created before `before` and the events no delivery needs any more; returns how many deliveries went. */
  prune(before: Date): Promise<number>;
}

export interface Storage {
  /** Which database is behind the seam (health and metrics say so; features never branch on it). */
  kind: 'sqlite' | 'postgres';
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
  /**
   * A random secret every process of this server shares, made once and kept in the database
   * (get-or-create), or undefined when the storage keeps none: SQLite serves one process, which
   * keeps its secret in DATA_DIR (identity/authSecret.ts).
   */
  sharedSecret(name: 'auth'): Promise<string | undefined>;
  /** Resolves when a small write transaction succeeds now; rejects with a StorageError saying why not (for health). */
  checkWritable(): Promise<void>;
  /** Stops background work, closes the database and releases its lock (the data folder's, or Postgres' advisory lock). */
  close(): Promise<void>;
}
