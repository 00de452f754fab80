import { resolve } from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** Settings read once at boot from the environment; every default works on a laptop. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket message a client may send; larger ones close the socket with 1009. */
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * MiB),
  /** Largest a playbook's stored state may grow before further edits are refused. */
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * MiB),
  /** Bytes waiting to be sent to a client that does not read before it is dropped (1013); room for a full sync of the largest playbook. */
  MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(80 * MiB),
  /** How long a playbook with no connections stays in memory before it is flushed and unloaded. */
  UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  /** Stored updates that trigger a compaction into one snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().default(1_000),
  /** Interval between WebSocket pings; a connection that misses one pong is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * SQLite `synchronous`: NORMAL survives a crash of the process (kill -9) with WAL;
   * FULL also survives a power cut, at the cost of an fsync per flush.
   */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Comma-separated host names the server answers for; by default only loopback names when HOST is loopback, any otherwise. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /** An automatic checkpoint is taken once a playbook has had no edits for this long. */
  CHECKPOINT_QUIET_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 60_000),
  /** First webhook retry delay; each later retry waits five times longer. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Bytes of messages one playbook may hold for its clients while storage is failing (they wait
   * until their edits are stored); past it, new edits and new clients are closed with 1013.
   */
  MAX_HELD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * MiB),
  /** How often the SQLite WAL file is checkpointed and truncated to zero bytes. */
  SQLITE_CHECKPOINT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** The most bytes of WAL file SQLite keeps after a checkpoint (`journal_size_limit`). */
  SQLITE_JOURNAL_SIZE_LIMIT: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * MiB),
  /** Named versions one playbook may have; saving another is refused with a problem that says so. */
  MAX_NAMED_VERSIONS: z.coerce.number().int().positive().default(5_000),
  /** "Before restoring" backups kept per playbook; older ones are deleted after each restore. */
  MAX_RESTORE_BACKUPS: z.coerce.number().int().positive().default(50),
});

export type Config = {
  port: number;
  host: string;
  allowedHosts: string[] | undefined;
  dataDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  maxMessageBytes: number;
  maxDocumentBytes: number;
  maxBufferedBytes: number;
  unloadDelayMs: number;
  compactAfterUpdates: number;
  pingIntervalMs: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  checkpointQuietMs: number;
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
  maxHeldBytes: number;
  sqliteCheckpointMs: number;
  sqliteJournalSizeLimit: number;
  maxNamedVersions: number;
  maxRestoreBackups: number;
};

/** Reads and validates the settings; a bad value stops the boot with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid settings: ${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    allowedHosts: c.ALLOWED_HOSTS,
    dataDir: resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    maxDocumentBytes: c.MAX_DOCUMENT_BYTES,
    maxBufferedBytes: c.MAX_BUFFERED_BYTES,
    unloadDelayMs: c.UNLOAD_DELAY_MS,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    pingIntervalMs: c.PING_INTERVAL_MS,
    sqliteSynchronous: c.SQLITE_SYNCHRONOUS,
    checkpointQuietMs: c.CHECKPOINT_QUIET_MS,
    webhookRetryBaseMs: c.WEBHOOK_RETRY_BASE_MS,
    webhookMaxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    maxHeldBytes: c.MAX_HELD_BYTES,
    sqliteCheckpointMs: c.SQLITE_CHECKPOINT_MS,
    sqliteJournalSizeLimit: c.SQLITE_JOURNAL_SIZE_LIMIT,
    maxNamedVersions: c.MAX_NAMED_VERSIONS,
    maxRestoreBackups: c.MAX_RESTORE_BACKUPS,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
