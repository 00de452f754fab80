import type { Services } from './services';

export type BusHealth =
  | { status: 'off' }
  | { status: 'ok'; connected: true; peers: number }
  | { status: 'failing'; connected: false; peers: number; lastDisconnectAt?: string; reason: string };

/** Whether the bus between processes (REDIS_URL) is carrying edits: 'off' for a server that runs alone. */
export function busHealth(services: Services): BusHealth {
  const bus = services.busStatus?.();
  if (!bus) return { status: 'off' };
  if (bus.connected) return { status: 'ok', connected: true, peers: bus.peers };
  return {
    status: 'failing',
    connected: false,
    peers: bus.peers,
    ...(bus.lastDisconnectAt ? { lastDisconnectAt: bus.lastDisconnectAt } : {}),
    reason:
      'The Redis bus (REDIS_URL) is not connected: edits are still stored, and other processes pick them up from the database every few seconds instead of at once. Check that Redis is running and reachable.',
  };
}
