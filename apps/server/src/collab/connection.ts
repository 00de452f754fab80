import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import type { Logger } from '../logger';
import { filterAwarenessUpdate } from './awarenessGuard';
import type { DocumentRegistry } from './documentRegistry';
import { awarenessMessage, type IncomingMessage, parseMessage, syncStep2Message } from './messages';
import { refuseChangeFromReader } from './readOnlyGuard';
import type { SharedDocument } from './sharedDocument';
import type { CollabSocket } from './socket';
import { checkNoGaps, checkStateVector, checkUpdateInIsolation } from './updateGuard';

export interface ConnectionLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  /** Bytes a client may send before its document has loaded. */
  maxQueuedBytes: number;
  /** Bytes waiting to be sent to a client that is not reading before it is dropped. */
  maxBufferedBytes: number;
}

/**
 * One client's WebSocket on one playbook. Messages that arrive before the document has
 * loaded wait in a queue; any bad message closes this socket only, with a reason.
 */
export class Connection {
  private document: SharedDocument | undefined;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private closed = false;
  private answeredPing = true;
  /** A viewer's (or read-only token's) connection: edits are refused; access re-checks may lift it. */
  readOnly = false;

  constructor(
    private readonly socket: CollabSocket,
    readonly playbookId: string,
    /** Who is on the other end; every command this connection runs is on their behalf. */
    readonly actor: Actor,
    private readonly registry: DocumentRegistry,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {}

  /** Joins the document; queued messages are handled once it has loaded. */
  async open(): Promise<void> {
    this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'connection opened');
    let document: SharedDocument;
    try {
      document = await this.registry.acquire(this.playbookId, this);
    } catch {
      this.close(new CloseReason(CloseCode.loadFailed, 'The playbook could not be loaded. Try again in a moment.'));
      return;
    }
    if (this.closed) {
      this.registry.release(document, this);
      return;
    }
    this.document = document;
    const queued = this.queue;
    this.queue = [];
    for (const frame of queued) if (!this.closed) this.handle(frame);
  }

  /** A frame from the client, as the transport received it. */
  receive(data: ArrayBuffer | Uint8Array | string): void {
    if (this.closed) return;
    // Any frame proves the peer alive: a pong can sit behind a long backlog of its own frames.
    this.answeredPing = true;
    if (typeof data === 'string') {
      this.close(new CloseReason(CloseCode.unsupportedData, 'Text frames are not supported; send binary y-websocket messages.'));
      return;
    }
    const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (frame.byteLength > this.limits.maxMessageBytes) {
      this.close(
        new CloseReason(
          CloseCode.messageTooBig,
          `Message of ${frame.byteLength} bytes exceeds the ${this.limits.maxMessageBytes}-byte limit.`,
        ),
      );
      return;
    }
    if (!this.document) {
      this.queuedBytes += frame.byteLength;
      if (this.queuedBytes > this.limits.maxQueuedBytes) {
        this.close(new CloseReason(CloseCode.policyViolation, 'Too much data sent before the playbook finished loading.'));
        return;
      }
      this.queue.push(frame);
      return;
    }
    this.handle(frame);
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (!this.socket.isOpen) {
      this.closedByPeer();
      return;
    }
    // A peer that stops reading must not make the server hold its replies in memory forever.
    if (this.socket.bufferedAmount + message.byteLength > this.limits.maxBufferedBytes) {
      // It would not read a close frame either: drop the socket and free what waits for it.
      this.log.warn(
        { playbookId: this.playbookId, actor: this.actor.id, bufferedBytes: this.socket.bufferedAmount },
        'client stopped reading; dropping it',
      );
      this.socket.terminate();
      this.closedByPeer();
      return;
    }
    try {
      this.socket.send(message);
    } catch (error) {
      this.log.warn({ err: error, playbookId: this.playbookId }, 'send failed; closing connection');
      this.close(new CloseReason(CloseCode.internalError, 'Sending to this client failed.'));
    }
  }

  /** Closes the socket with a reason and leaves the document. */
  close(reason: CloseReason): void {
    if (this.closed) return;
    const level = reason.code === CloseCode.normal || reason.code === CloseCode.goingAway ? 'info' : 'warn';
    this.log[level]({ playbookId: this.playbookId, actor: this.actor.id, code: reason.code, reason: reason.reason }, 'closing connection');
    this.socket.close(reason.code, reason.reason);
    this.closedByPeer();
  }

  /** The transport saw the socket close (or it stopped answering pings). */
  closedByPeer(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    if (this.document) this.registry.release(this.document, this);
    this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'connection closed');
  }

  /** Called on an interval: drops a peer that did not answer the previous ping, then pings. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.answeredPing) {
      this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'no pong since the last ping; dropping connection');
      this.socket.terminate();
      this.closedByPeer();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
  }

  receivedPong(): void {
    this.answeredPing = true;
  }

  private handle(frame: Uint8Array): void {
    const document = this.document as SharedDocument;
    try {
      this.apply(document, parseMessage(frame));
    } catch (error) {
      if (error instanceof CloseReason) {
        this.close(error);
        return;
      }
      this.log.error({ err: error, playbookId: this.playbookId }, 'unexpected error handling a message');
      this.close(new CloseReason(CloseCode.internalError, 'The server could not handle this message.'));
    }
  }

  private apply(document: SharedDocument, message: IncomingMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        // A full-state reply is costly: none while a large backlog is still unsent to this client
        // (a polite client sends one per connection; one that repeats without reading gets nothing).
        if (this.socket.bufferedAmount > this.limits.maxMessageBytes) return;
        checkStateVector(message.stateVector);
        document.sendTo(this, syncStep2Message(Y.encodeStateAsUpdate(document.doc, message.stateVector)));
        return;
      case 'syncStep2':
      case 'update': {
        if (this.readOnly) refuseChangeFromReader(document.doc, message.update);
        const projected = document.persistence.storedBytes + message.update.byteLength;
        if (projected > this.limits.maxDocumentBytes) {
          throw new CloseReason(CloseCode.documentTooLarge, 'This playbook has reached its size limit; the edit was not saved.');
        }
        checkUpdateInIsolation(message.update);
        checkNoGaps(document.doc, message.update);
        try {
          Y.applyUpdate(document.doc, message.update, this);
        } catch (error) {
          throw new CloseReason(CloseCode.invalidPayload, `Invalid Yjs update: ${(error as Error).message}`);
        }
        return;
      }
      case 'awareness':
        try {
          const allowed = filterAwarenessUpdate(message.update, (id) => document.claimOf(this, id), document.ownedCount(this));
          if (allowed) awarenessProtocol.applyAwarenessUpdate(document.awareness, allowed, this);
        } catch (error) {
          throw new CloseReason(CloseCode.invalidPayload, `Invalid awareness update: ${(error as Error).message}`);
        }
        return;
      case 'queryAwareness': {
        if (this.socket.bufferedAmount > this.limits.maxMessageBytes) return;
        const clients = [...document.awareness.getStates().keys()];
        document.sendTo(this, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(document.awareness, clients)));
        return;
      }
    }
  }
}
