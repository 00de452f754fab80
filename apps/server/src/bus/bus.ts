/**
 * The bus between server processes that share one database (REDIS_URL). It is a doorbell, never
 * the record: an update is published only after it is committed, and a process that misses one
 * reads it back from storage, so losing the bus costs latency, never edits.
 */
export interface BusStatus {
  /** Whether the bus is connected right now. */
  connected: boolean;
  /** When it last lost its connection, if it has (ISO time). */
  lastDisconnectAt?: string;
  /** Other processes heard from in the last few seconds. */
  peers: number;
}

/** The updates of one write another process stored (one transaction, consecutive numbers), as it rang the bell. */
export interface BusUpdate {
  playbookId: string;
  /** The sequence number of the first update; the others follow it one by one. */
  firstSeq: number;
  /** The process that stored them. */
  origin: string;
  /** When they were committed (ms since the epoch, the publisher's clock): for the bus-lag metric. */
  storedAt: number;
  updates: Uint8Array[];
}

/** What a process hears on one playbook's channel. */
export interface PlaybookListener {
  update(message: BusUpdate): void;
  /** An awareness update from another process's clients. */
  awareness(update: Uint8Array): void;
  /** Another process just opened the playbook and asks for everyone's presence. */
  presenceAsked(): void;
}

/** Server-wide events every process acts on. */
export type BusEvent = { kind: 'accessChanged' };

/** What the rest of the server uses of the bus (RedisBus implements it). */
export interface Bus {
  /** This process's id on the bus (its own messages are ignored when they come back). */
  readonly processId: string;
  /** Listens to one playbook's channel; resolves once the subscription holds (or gives up waiting after a moment). Returns what stops it. */
  subscribe(playbookId: string, listener: PlaybookListener): Promise<() => void>;
  /** Announces one committed write: `updates` stored at `firstSeq`, `firstSeq` + 1, … (one message per write, not per update). */
  publishUpdates(playbookId: string, firstSeq: number, storedAt: number, updates: readonly Uint8Array[]): void;
  publishAwareness(playbookId: string, update: Uint8Array): void;
  askPresence(playbookId: string): void;
  publishEvent(event: BusEvent): void;
  onEvent(handler: (event: BusEvent) => void): void;
  /** Called after each reconnection: whatever was published meanwhile was missed, so callers catch up. */
  onReconnected(handler: () => void): void;
  /**
   * Claims `key` for `ttlMs` across processes (SET NX PX): true for the one process that got it.
   * When Redis cannot answer it says true: doing a job twice beats not doing it.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** The Redis connection rate limiters keep their counters on (rate-limiter-flexible's storeClient). */
  readonly limiterStore: unknown;
  status(): BusStatus;
  close(): Promise<void>;
}
