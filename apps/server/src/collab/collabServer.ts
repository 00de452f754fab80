import type { DocumentStore } from '../db';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import type { Logger } from '../logger';
import { Connection, type ConnectionLimits } from './connection';
import { DocumentRegistry, type RegistryOptions } from './documentRegistry';
import type { CollabSocket } from './socket';

export interface CollabOptions extends RegistryOptions, Omit<ConnectionLimits, 'maxQueuedBytes'> {
  pingIntervalMs: number;
}

/** The collaboration core: open documents and the connections to them, independent of transport. */
export class CollabServer {
  readonly documents: DocumentRegistry;
  private readonly connections = new Set<Connection>();
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

  /** Starts a connection for an accepted socket; the transport forwards frames and events to it. */
  connect(playbookId: string, socket: CollabSocket, actor: Actor, access: { readOnly: boolean } = { readOnly: false }): Connection {
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
      },
      this.log,
    );
    connection.readOnly = access.readOnly;
    this.connections.add(connection);
    void connection.open();
    return connection;
  }

  /** The transport reports that a socket closed. */
  disconnected(connection: Connection): void {
    connection.closedByPeer();
    this.connections.delete(connection);
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
  }
}
