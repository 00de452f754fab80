import { resolve } from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** An optional setting given as an empty string (`FOO= npm start`) counts as not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

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
  // Accounts (issue 9).
  /** The address people reach the server at (https://fullcourt.example.com); makes cookies Secure when https. */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Signs session cookies; by default a random secret is made once and kept in DATA_DIR/auth-secret. */
  AUTH_SECRET: optional(z.string().min(32, 'use at least 32 characters')),
  /** With FULLCOURT_OWNER_PASSWORD: creates this owner at boot when there are no accounts yet (automation, tests). */
  FULLCOURT_OWNER_EMAIL: optional(z.email()),
  FULLCOURT_OWNER_PASSWORD: optional(z.string().min(10, 'use at least 10 characters')),
  FULLCOURT_OWNER_NAME: optional(z.string().trim().min(1).max(80)),
  /** Failed sign-ins allowed per account, and per address, in SIGN_IN_WINDOW_S before 429. */
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  SIGN_IN_WINDOW_S: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  /** How often open collaboration sockets re-check that their session or token is still valid. */
  SESSION_RECHECK_MS: z.coerce.number().int().positive().default(60_000),
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
  publicUrl: string | undefined;
  authSecret: string | undefined;
  owner: { email: string; password: string; name: string | undefined } | undefined;
  signInLimits: { perAccount: number; perAddress: number; windowSeconds: number };
  sessionRecheckMs: number;
};

/** Reads and validates the settings; a bad value stops the boot with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid settings: ${problems}`);
  }
  const c = parsed.data;
  if (Boolean(c.FULLCOURT_OWNER_EMAIL) !== Boolean(c.FULLCOURT_OWNER_PASSWORD)) {
    throw new ConfigError('Invalid settings: FULLCOURT_OWNER_EMAIL and FULLCOURT_OWNER_PASSWORD go together; set both or neither.');
  }
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
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    authSecret: c.AUTH_SECRET,
    owner:
      c.FULLCOURT_OWNER_EMAIL && c.FULLCOURT_OWNER_PASSWORD
        ? { email: c.FULLCOURT_OWNER_EMAIL, password: c.FULLCOURT_OWNER_PASSWORD, name: c.FULLCOURT_OWNER_NAME }
        : undefined,
    signInLimits: {
      perAccount: c.SIGN_IN_ATTEMPTS_PER_ACCOUNT,
      perAddress: c.SIGN_IN_ATTEMPTS_PER_ADDRESS,
      windowSeconds: c.SIGN_IN_WINDOW_S,
    },
    sessionRecheckMs: c.SESSION_RECHECK_MS,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
