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
