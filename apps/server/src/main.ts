import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(config.logLevel);
const server = await startServer(config, log);
log.info({ url: server.url, dataDir: config.dataDir }, `Fullcourt is running at ${server.url}`);
if (process.stdout.isTTY) console.log(`\n  Fullcourt is running at ${server.url}\n`);
if (server.setupUrl) {
  // The one way in on a fresh server: whoever opens this link first creates the owner account.
  log.warn({ setupUrl: server.setupUrl }, 'No accounts yet: open the setup link (valid for one hour) to create the owner account');
  if (process.stdout.isTTY) console.log(`  No accounts yet. Create the owner account (link valid for one hour):\n  ${server.setupUrl}\n`);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: flushing documents');
    server.close().then(
      () => {
        log.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
