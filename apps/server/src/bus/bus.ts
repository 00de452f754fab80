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

/** A document update another process stored, as it rang the bell. */
export interface BusUpdate {
  playbookId: string;
  seq: number;
  /** The process that stored it. */
  origin: string;
  /** When it was committed (ms since the epoch, the publisher's clock): for the bus-lag metric. */
  storedAt: number;
  update: Uint8Array;
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
  publishUpdate(playbookId: string, seq: number, storedAt: number, update: Uint8Array): void;
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
