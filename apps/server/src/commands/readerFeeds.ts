import { toJSON } from '@fullcourt/playbook';
import type { DocumentRegistry } from '../collab/documentRegistry';
import { MessageType } from '../collab/messages';
import type { Peer, SharedDocument } from '../collab/sharedDocument';
import { rateLimited } from '../errors';
import type { Actor } from '../identity/actor';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/**
 * One open reader page: where its frames go. The transport keeps only the latest frame for a
 * reader that has not taken the previous one yet (each frame is the whole playbook, so the
 * ones in between are worth nothing), which bounds what a slow reader costs to one frame.
 */
export interface FeedReader {
  readonly actor: Actor;
  readonly playbookId: string;
  /** Hands over the latest frame, replacing one the reader has not taken yet. */
  push(frame: Uint8Array): void;
  /** Keeps an idle stream alive (proxies drop silent ones); skipped while a frame waits. */
  ping(): void;
  /** Sends `frame` if given, then ends the stream. */
  end(frame?: Uint8Array): void;
}

export interface ReaderFeedOptions {
  /** At most one new frame per playbook per interval while it is being edited (the first change goes out at once). */
  publishIntervalMs: number;
  /**
   * What one reader is sent per second at most while a playbook is edited: a big playbook's copies
   * are spaced further apart, so its readers' bandwidth stays bounded (a copy is the whole playbook).
   */
  bytesPerSecondPerReader: number;
  /** Streams open at once from one client address, like MAX_CONNECTIONS_PER_ADDRESS for sockets. */
  maxPerAddress: number;
  /** How often idle streams get a comment line. */
  pingIntervalMs: number;
}

const encoder = new TextEncoder();
/** Server-sent event frames: the playbook's canonical JSON, or the reason a stream ends. */
export const feedFrames = {
  playbook: (json: string) => encoder.encode(`event: playbook\ndata: ${json}\n\n`),
  denied: (reason: string) => encoder.encode(`event: denied\ndata: ${JSON.stringify({ reason })}\n\n`),
  // Reconnect quickly after a restart; a comment line keeps idle connections open.
  hello: encoder.encode('retry: 2000\n\n'),
  ping: encoder.encode(':\n\n'),
};

/**
 * Pushes the live playbook to its open reader pages (the reader's server-sent events), instead
 * of each page polling and the server building and hashing the JSON once per page per poll.
 * Per playbook one feed attaches to the open document as a peer, so it hears each change only
 * after storage took it (persist before broadcast), builds the canonical JSON once per change —
 * at most once per `publishIntervalMs` while someone types — and hands the same bytes to every
 * reader. A feed keeps its document loaded while anyone reads it, as a socket would.
 */
export class ReaderFeeds {
  private readonly feeds = new Map<string, Promise<Feed>>();
  private readonly perAddress = new Map<string, number>();
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly documents: DocumentRegistry,
    private readonly options: ReaderFeedOptions,
  ) {
    this.pingTimer = setInterval(() => {
      for (const reader of this.readers()) reader.ping();
    }, options.pingIntervalMs);
    this.pingTimer.unref();
  }

  /**
   * Starts sending `reader` the playbook (now, then after each change) once the caller has
   * authorized it; returns what stops it. Over the per-address cap it throws 429.
   */
  async open(reader: FeedReader, clientAddress: string): Promise<() => void> {
    const open = this.perAddress.get(clientAddress) ?? 0;
    if (open >= this.options.maxPerAddress) {
      throw rateLimited(`reader pages open from this address (MAX_CONNECTIONS_PER_ADDRESS is ${this.options.maxPerAddress})`, 10);
    }
    this.perAddress.set(clientAddress, open + 1);
    let feed: Feed;
    try {
      feed = await this.join(reader);
    } catch (error) {
      this.forgetAddress(clientAddress);
      throw error;
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.forgetAddress(clientAddress);
      if (feed.leave(reader)) {
        this.feeds.delete(reader.playbookId);
        feed.close();
        this.documents.release(feed.document, feed);
      }
    };
  }

  /** Every open reader, for the access re-check. */
  *readers(): Iterable<FeedReader> {
    for (const feed of this.settled.values()) yield* feed.readers;
  }

  /** Ends every stream (shutdown); browsers reconnect on their own once the server is back. */
  closeAll(): void {
    clearInterval(this.pingTimer);
    for (const reader of [...this.readers()]) reader.end();
  }

  /** Feeds whose document is open, by playbook (joins still loading are not readers yet). */
  private readonly settled = new Map<string, Feed>();

  private async join(reader: FeedReader): Promise<Feed> {
    for (;;) {
      let pending = this.feeds.get(reader.playbookId);
      if (!pending) {
        pending = this.start(reader.playbookId);
        this.feeds.set(reader.playbookId, pending);
        pending.catch(() => {
          if (this.feeds.get(reader.playbookId) === pending) this.feeds.delete(reader.playbookId);
        });
      }
      const feed = await pending;
      // The last reader may have left (and the feed closed) while this one waited.
      if (feed.closed) continue;
      feed.join(reader);
      return feed;
    }
  }

  private async start(playbookId: string): Promise<Feed> {
    const feed = new Feed(this.options, () => this.settled.delete(playbookId));
    feed.document = await this.documents.acquire(playbookId, feed);
    this.settled.set(playbookId, feed);
    return feed;
  }

  private forgetAddress(clientAddress: string): void {
    const left = (this.perAddress.get(clientAddress) ?? 1) - 1;
    if (left > 0) this.perAddress.set(clientAddress, left);
    else this.perAddress.delete(clientAddress);
  }
}

/**
 * Follows the live playbook for someone who may read it live (viewers and up, `read:live`
 * tokens; 401/403/404 otherwise, as a live read answers): the reader page's stream.
 */
export async function followPlaybook(services: Services, reader: FeedReader, clientAddress: string): Promise<() => void> {
  await authorizePlaybook(services, reader.actor, 'playbook.readLive', reader.playbookId);
  return services.readerFeeds.open(reader, clientAddress);
}

/** One playbook's readers and the frame they were last sent. */
class Feed implements Peer {
  document!: SharedDocument;
  readonly readers = new Set<FeedReader>();
  closed = false;
  private frame: Uint8Array | undefined;
  private json: string | undefined;
  /** Whether the document changed since `frame` was built. */
  private dirty = true;
  private timer: NodeJS.Timeout | undefined;
  private lastPublished = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pace: Pick<ReaderFeedOptions, 'publishIntervalMs' | 'bytesPerSecondPerReader'>,
    private readonly onClose: () => void,
  ) {}

  /** From the document, after storage took what it carries: only updates matter here, not presence. */
  send(message: Uint8Array): void {
    if (message[0] !== MessageType.sync) return;
    this.dirty = true;
    this.schedule();
  }

  join(reader: FeedReader): void {
    this.readers.add(reader);
    if (!this.frame) this.publish();
    // A reader arriving mid-edit gets the last frame now and the next one with everybody else.
    if (this.frame) reader.push(this.frame);
  }

  /** Removes a reader; true when it was the last. */
  leave(reader: FeedReader): boolean {
    this.readers.delete(reader);
    return this.readers.size === 0;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.onClose();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    const { publishIntervalMs, bytesPerSecondPerReader } = this.pace;
    const spacingMs = Math.max(publishIntervalMs, ((this.frame?.byteLength ?? 0) * 1000) / bytesPerSecondPerReader);
    const wait = Math.max(0, this.lastPublished + spacingMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, wait);
  }

  private publish(): void {
    if (!this.dirty || this.closed) return;
    // Edits still being stored are not shown: the messages waiting behind them call send() once
    // they are stored, and that schedules the next try.
    if (this.document.isHolding) return;
    this.dirty = false;
    this.lastPublished = performance.now();
    const json = JSON.stringify(toJSON(this.document.doc));
    // A change that does not show in the JSON (formatting of nothing, an undo of an undo) sends nothing.
    if (json === this.json && this.frame) return;
    this.json = json;
    this.frame = feedFrames.playbook(json);
    for (const reader of this.readers) reader.push(this.frame);
  }
}
