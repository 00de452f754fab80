import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Figures read when Prometheus scrapes, rather than kept up to date by every change (prom-client's `collect`). */
export interface GaugeSources {
  connections(): number;
  loadedPlaybooks(): number;
}

/**
 * What the server counts for `GET /api/metrics` (Prometheus). One registry per server, not
 * prom-client's global one, so servers started side by side in one process (the tests) keep
 * their own figures. Callers only increment; nothing reads these back to decide anything.
 */
export function createMetrics(sources?: GaugeSources) {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'fullcourt_connections',
      help: 'Open collaboration sockets',
      registers,
      collect() {
        if (sources) this.set(sources.connections());
      },
    }),
    loadedPlaybooks: new Gauge({
      name: 'fullcourt_loaded_playbooks',
      help: 'Playbooks open in this process',
      registers,
      collect() {
        if (sources) this.set(sources.loadedPlaybooks());
      },
    }),
    updatesStored: new Counter({ name: 'fullcourt_updates_stored_total', help: 'Document updates written to storage', registers }),
    updatesBroadcast: new Counter({
      name: 'fullcourt_updates_broadcast_total',
      help: 'Document updates sent to this process’s peers (from its own clients or over the bus)',
      labelNames: ['source'] as const,
      registers,
    }),
    storageLatency: new Histogram({
      name: 'fullcourt_storage_latency_seconds',
      help: 'Time a storage write took',
      labelNames: ['operation'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    busLag: new Histogram({
      name: 'fullcourt_bus_lag_seconds',
      help: 'From an update being stored by one process to another process applying it',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    busCatchUps: new Counter({
      name: 'fullcourt_bus_catch_ups_total',
      help: 'Times a process read updates from storage that the bus had not brought (a gap, a reconnect, the periodic check)',
      labelNames: ['reason'] as const,
      registers,
    }),
    busConnected: new Gauge({ name: 'fullcourt_bus_connected', help: '1 while the Redis bus is connected', registers }),
    rateLimitRefusals: new Counter({
      name: 'fullcourt_rate_limit_refusals_total',
      help: 'Requests and sockets refused by a limit',
      labelNames: ['limit'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
