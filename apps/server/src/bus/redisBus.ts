import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import type { Bus, BusEvent, BusStatus, PlaybookListener } from './bus';

const prefix = 'fullcourt:';
const eventsChannel = `${prefix}events`;
const playbookChannel = (playbookId: string) => `${prefix}doc:${playbookId}`;

// `update` (one update per message) is what processes before `updates` sent: still read during a rolling deploy.
const Kind = { update: 0, awareness: 1, presenceAsked: 2, event: 3, heartbeat: 4, updates: 5 } as const;

/** Every process says it is alive this often on the events channel (its own echo tells it the bus works). */
const heartbeatMs = 2_000;
/** A process not heard from for this long is no longer counted; our own echo missing that long means the bus is stalled. */
const silenceMs = 3 * heartbeatMs;
/** How long opening a playbook waits for Redis to confirm its subscription before loading anyway (a catch-up follows). */
const subscribeWaitMs = 1_000;
/** Redis that does not answer within this fails the command (a stopped Redis would otherwise queue them forever). */
const commandTimeoutMs = 1_000;
/** Dropped publishes are logged at most this often, with how many. */
const dropLogMs = 5_000;

/**
 * The bus on Redis pub/sub: one connection publishes (and runs commands: claims, rate-limit counters),
 * one subscribes. Messages are binary: a kind, the sending process, then the payload. ioredis reconnects
 * and resubscribes on its own; after every reconnection (or a stall: our own heartbeat stops coming back)
 * `onReconnected` handlers run so callers catch up from storage. A publish that fails is logged and
 * dropped, since storage already holds what it announced (Hocuspocus treats pub/sub as reliable and loses
 * edits when it is not: hocuspocus#682, #800).
 */
export class RedisBus implements Bus {
  readonly processId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<PlaybookListener>>();
  private readonly eventHandlers: ((event: BusEvent) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  /** Other processes by id, with when they were last heard. */
  private readonly peersHeard = new Map<string, number>();
  private lastEcho = Date.now();
  private stalled = false;
  private everReady = false;
  private lastDisconnectAt: string | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private dropped = 0;
  private lastDropLog = 0;
  private closed = false;
  /** Whether the bus was last seen working (for lastDisconnectAt). */
  private up = false;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly metrics: Pick<Metrics, 'busConnected'>,
  ) {
    const retryStrategy = (times: number) => Math.min(100 * times, 1_000);
    this.publisher = new Redis(url, {
      retryStrategy,
      // Fail now rather than queue: a late doorbell is worth nothing, and the queue would grow while Redis is away.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: commandTimeoutMs,
      lazyConnect: false,
    });
    this.subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null, autoResubscribe: true });
    for (const connection of [this.publisher, this.subscriber]) {
      // Without a listener ioredis prints every connection error; the status says it once.
      connection.on('error', (error: Error) => this.log.debug({ err: error }, 'redis connection error'));
      connection.on('close', () => this.noteDisconnected());
    }
    this.subscriber.on('ready', () => {
      this.noteConnected();
      if (this.everReady) this.reconnected('redis reconnected');
      this.everReady = true;
    });
    this.publisher.on('ready', () => this.noteConnected());
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    void this.subscriber
      .subscribe(eventsChannel)
      .catch((error: unknown) => this.log.warn({ err: error }, 'subscribing to bus events failed'));
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  get limiterStore(): unknown {
    return this.publisher;
  }

  async subscribe(playbookId: string, listener: PlaybookListener): Promise<() => void> {
    const channel = playbookChannel(playbookId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    const unsubscribe = () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      if (!this.closed) void this.subscriber.unsubscribe(channel).catch(() => {});
    };
    if (set.size === 1) {
      const subscribed = this.subscriber.subscribe(channel).catch((error: unknown) => {
        // ioredis resubscribes what it was asked to once it is back; the caller catches up then.
        this.log.warn({ err: error, playbookId }, 'subscribing to a playbook on the bus failed');
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([subscribed, new Promise<void>((done) => (timer = setTimeout(done, subscribeWaitMs)))]);
      clearTimeout(timer);
    }
    return unsubscribe;
  }

  publishUpdates(playbookId: string, firstSeq: number, storedAt: number, updates: readonly Uint8Array[]): void {
    this.publish(playbookChannel(playbookId), Kind.updates, (e) => {
      encoding.writeVarUint(e, firstSeq);
      encoding.writeFloat64(e, storedAt);
      encoding.writeVarUint(e, updates.length);
      for (const update of updates) encoding.writeVarUint8Array(e, update);
    });
  }

  publishAwareness(playbookId: string, update: Uint8Array): void {
    this.publish(playbookChannel(playbookId), Kind.awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  askPresence(playbookId: string): void {
    this.publish(playbookChannel(playbookId), Kind.presenceAsked, () => {});
  }

  publishEvent(event: BusEvent): void {
    this.publish(eventsChannel, Kind.event, (e) => encoding.writeVarString(e, JSON.stringify(event)));
  }

  onEvent(handler: (event: BusEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  onReconnected(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.publisher.set(`${prefix}claim:${key}`, this.processId, 'PX', ttlMs, 'NX')) === 'OK';
    } catch (error) {
      this.log.warn({ err: error, key }, 'claiming a job on Redis failed; doing it here');
      return true;
    }
  }

  status(): BusStatus {
    const now = Date.now();
    let peers = 0;
    for (const [id, at] of this.peersHeard) {
      if (now - at <= silenceMs) peers++;
      else this.peersHeard.delete(id);
    }
    return { connected: this.isConnected(), peers, ...(this.lastDisconnectAt ? { lastDisconnectAt: this.lastDisconnectAt } : {}) };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.metrics.busConnected.set(0);
    // A stopped Redis never answers QUIT: give it a moment, then drop the connections anyway.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]),
      new Promise<void>((done) => (timer = setTimeout(done, commandTimeoutMs))),
    ]);
    clearTimeout(timer);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private isConnected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready' && !this.stalled;
  }

  private publish(channel: string, kind: number, body: (e: encoding.Encoder) => void): void {
    if (this.closed) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, kind);
    encoding.writeVarString(e, this.processId);
    body(e);
    const message = Buffer.from(encoding.toUint8Array(e));
    // Storage holds what an update announces, so a publish that fails costs latency only: others catch up.
    this.publisher.publish(channel, message).catch((error: unknown) => this.droppedPublish(error));
  }

  private droppedPublish(error: unknown): void {
    this.dropped++;
    const now = Date.now();
    if (now - this.lastDropLog < dropLogMs) return;
    this.log.warn({ err: error, dropped: this.dropped }, 'publishing on the bus failed; others catch up from storage');
    this.lastDropLog = now;
    this.dropped = 0;
  }

  private receive(channel: string, message: Buffer): void {
    let kind: number;
    let origin: string;
    let d: decoding.Decoder;
    try {
      d = decoding.createDecoder(message);
      kind = decoding.readVarUint(d);
      origin = decoding.readVarString(d);
    } catch (error) {
      this.log.warn({ err: error, channel }, 'unreadable bus message; ignoring it');
      return;
    }
    if (origin === this.processId) {
      if (kind === Kind.heartbeat) this.echoed();
      return;
    }
    this.peersHeard.set(origin, Date.now());
    try {
      if (channel === eventsChannel) {
        if (kind !== Kind.event) return;
        const event = JSON.parse(decoding.readVarString(d)) as BusEvent;
        for (const handler of this.eventHandlers) handler(event);
        return;
      }
      const listeners = this.listeners.get(channel);
      if (!listeners) return;
      const playbookId = channel.slice(playbookChannel('').length);
      if (kind === Kind.updates || kind === Kind.update) {
        const firstSeq = decoding.readVarUint(d);
        const storedAt = decoding.readFloat64(d);
        const count = kind === Kind.updates ? decoding.readVarUint(d) : 1;
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(d));
        for (const listener of listeners) listener.update({ playbookId, firstSeq, origin, storedAt, updates });
      } else if (kind === Kind.awareness) {
        const update = decoding.readVarUint8Array(d);
        for (const listener of listeners) listener.awareness(update);
      } else if (kind === Kind.presenceAsked) {
        for (const listener of listeners) listener.presenceAsked();
      }
    } catch (error) {
      this.log.warn({ err: error, channel }, 'handling a bus message failed; ignoring it');
    }
  }

  private beat(): void {
    this.publish(eventsChannel, Kind.heartbeat, () => {});
    // Connected but our own heartbeat does not come back: Redis is stopped or the link is stalled.
    if (!this.stalled && Date.now() - this.lastEcho > silenceMs) {
      this.stalled = true;
      this.noteDisconnected();
    }
  }

  private echoed(): void {
    this.lastEcho = Date.now();
    if (!this.stalled) return;
    this.stalled = false;
    this.noteConnected();
    this.reconnected('the bus answers again after a stall');
  }

  private reconnected(why: string): void {
    this.log.info({ why }, 'bus back; catching up from storage');
    for (const handler of this.reconnectHandlers) {
      try {
        handler();
      } catch (error) {
        this.log.error({ err: error }, 'a bus reconnection handler failed');
      }
    }
  }

  private noteConnected(): void {
    this.up = this.isConnected();
    this.metrics.busConnected.set(this.up ? 1 : 0);
  }

  private noteDisconnected(): void {
    if (this.closed) return;
    if (this.up) this.lastDisconnectAt = new Date().toISOString();
    this.up = false;
    this.metrics.busConnected.set(0);
  }
}
