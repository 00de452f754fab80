/**
 * The narrow view of a WebSocket that the collaboration core needs. The transport
 * (http/routes/collab.ts) adapts the real socket to it; tests can hand in a fake.
 */
export interface CollabSocket {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Sends a ping; the transport reports the pong through Connection.receivedPong(). */
  ping(): void;
  /** Drops the connection without a closing handshake (for peers that stopped answering). */
  terminate(): void;
  /**
   * Optional: holds what is sent until `uncork`, so the frames sent to this socket in between leave
   * in one write (Node's `socket.cork`). A document delivering a batch to every peer uses it.
   */
  cork?(): void;
  uncork?(): void;
  readonly isOpen: boolean;
  /** Bytes queued for sending that the peer has not taken yet. */
  readonly bufferedAmount: number;
}
