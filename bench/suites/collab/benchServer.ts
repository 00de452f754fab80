import type { TestServer } from '../../../tests/integration/helpers/testServer';

export type { TestServer };

/**
 * The benchmarks send from one address and one socket far faster than any person: lift the
 * per-client limits (they are a handful of arithmetic operations per message either way).
 */
export const unlimited = {
  WS_MESSAGES_PER_SECOND: '1000000000',
  WS_BYTES_PER_SECOND: '1000000000000',
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
  HTTP_WRITES_PER_MINUTE: '100000000',
  SYNC_REPLY_INTERVAL_MS: '0',
  AWARENESS_INTERVAL_MS: '0',
};

/**
 * The real server in this process on port 0 with a temporary DATA_DIR (or `dataDir`, to
 * restart on the same data), logging nothing. It is the integration tests' helper, loaded on
 * first use so that a server which fails to import fails only the suites that start it.
 */
export async function startBenchServer(dataDir?: string): Promise<TestServer> {
  const { startTestServer } = await import('../../../tests/integration/helpers/testServer');
  return startTestServer({ LOG_LEVEL: 'silent', ...unlimited }, dataDir);
}
