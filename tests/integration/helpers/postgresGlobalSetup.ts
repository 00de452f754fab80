import type { TestProject } from 'vitest/node';
import { postgresAvailable, startPostgres } from './postgres';

/**
 * The postgres project's one cluster: each test server gets its own database in it
 * (./testStorage.ts). Without PostgreSQL binaries it provides '' and ./postgresSkip.ts skips every
 * test (under CI=true postgresAvailable throws instead).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!postgresAvailable()) {
    project.provide('postgresUrl', '');
    return undefined;
  }
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
