import type { TestServer } from '../../../tests/integration/helpers/testServer';

export type { TestServer };

/**
 * The real server in this process on port 0 with a temporary DATA_DIR (or `dataDir`, to
 * restart on the same data), logging nothing. It is the integration tests' helper, loaded on
 * first use so that a server which fails to import fails only the suites that start it.
 */
export async function startBenchServer(dataDir?: string): Promise<TestServer> {
  const { startTestServer } = await import('../../../tests/integration/helpers/testServer');
  return startTestServer({ LOG_LEVEL: 'silent' }, dataDir);
}
