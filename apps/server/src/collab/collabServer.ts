import type { DocumentStore } from '../db';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import type { Logger } from '../logger';
import { Connection, type ConnectionLimits } from './connection';
import { DocumentRegistry, type RegistryOptions } from './documentRegistry';
import type { CollabSocket } from './socket';

export interface CollabOptions extends RegistryOptions, Omit<ConnectionLimits, 'maxQueuedBytes'> {
  pingIntervalMs: number;
  /** Sockets open at once from one client address; more are closed with 4429. */
  maxConnectionsPerAddress: number;
}

/** What a client refused for too many sockets is told to wait. */
const connectionRetrySeconds = 10;

/** The collaboration core: open documents and the connections to them, independent of transport. */
export class CollabServer {
  readonly documents: DocumentRegistry;
  private readonly connections = new Set<Connection>();
  /** Open sockets per client address, for MAX_CONNECTIONS_PER_ADDRESS. */
  private readonly perAddress = new Map<string, number>();
  private readonly addressOf = new WeakMap<Connection, string>();
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    store: DocumentStore,
    private readonly options: CollabOptions,
    private readonly log: Logger,
  ) {
    this.documents = new DocumentRegistry(store, options, log);
    this.pingTimer = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
    }, options.pingIntervalMs);
    this.pingTimer.unref();
  }

  /**
   * Starts a connection for an accepted socket; the transport forwards frames and events to it.
   * A `readOnly` connection (a viewer's, a token's without `write`) has its edits refused.
   * `clientAddress` groups sockets for the per-address cap; past it the socket is closed with 4429
   * and nothing is returned.
   */
  connect(
    playbookId: string,
    socket: CollabSocket,
    actor: Actor,
    { readOnly = false, clientAddress = 'unknown' }: { readOnly?: boolean; clientAddress?: string } = {},
  ): Connection | undefined {
    const open = this.perAddress.get(clientAddress) ?? 0;
    if (open >= this.options.maxConnectionsPerAddress) {
      this.log.warn({ playbookId, clientAddress, open }, 'too many connections from one address; refusing');
      socket.close(
        CloseCode.rateLimited,
        `Over ${this.options.maxConnectionsPerAddress} connections from your address (MAX_CONNECTIONS_PER_ADDRESS). Retry in ${connectionRetrySeconds} s.`,
      );
      return undefined;
    }
    this.perAddress.set(clientAddress, open + 1);
    const connection = new Connection(
      socket,
      playbookId,
      actor,
      this.documents,
      {
        maxMessageBytes: this.options.maxMessageBytes,
        maxDocumentBytes: this.options.maxDocumentBytes,
        maxQueuedBytes: 4 * this.options.maxMessageBytes,
        maxBufferedBytes: this.options.maxBufferedBytes,
        messagesPerSecond: this.options.messagesPerSecond,
        bytesPerSecond: this.options.bytesPerSecond,
        syncReplyIntervalMs: this.options.syncReplyIntervalMs,
        awarenessIntervalMs: this.options.awarenessIntervalMs,
      },
      this.log,
    );
    connection.readOnly = readOnly;
    this.connections.add(connection);
    this.addressOf.set(connection, clientAddress);
    void connection.open();
    return connection;
  }

  /** The transport reports that a socket closed. */
  disconnected(connection: Connection): void {
    connection.closedByPeer();
    if (!this.connections.delete(connection)) return;
    const address = this.addressOf.get(connection) ?? 'unknown';
    const open = (this.perAddress.get(address) ?? 1) - 1;
    if (open > 0) this.perAddress.set(address, open);
    else this.perAddress.delete(address);
  }

  /** The stored size past which a playbook takes no more edits. */
  get maxDocumentBytes(): number {
    return this.options.maxDocumentBytes;
  }

  /** Every open connection (for access re-checks). */
  openConnections(): Iterable<Connection> {
    return this.connections;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket with "going away" and stops the heartbeat; documents stay open until `documents.closeAll()`. */
  closeConnections(): void {
    clearInterval(this.pingTimer);
    for (const connection of this.connections) {
      connection.close(new CloseReason(CloseCode.goingAway, 'The server is restarting; your edits are saved and will sync on reconnect.'));
    }
    this.connections.clear();
    this.perAddress.clear();
  }
}
