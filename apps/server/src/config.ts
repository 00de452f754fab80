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
  /**
   * The address people use to reach the server (e.g. https://playbook.example.com behind a TLS
   * proxy): its origin is the one browsers may send, links in invitations use it, and it makes
   * cookies Secure when https.
   */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Serve the web app's source maps (*.map) for debugging in production; off, they are not served. */
  SERVE_SOURCE_MAPS: z.stringbool().default(false),
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
  // Limits on what one client may cost. Each default is far above what a real team does; a
  // refusal names its setting and says when to retry (429 with Retry-After, or close 4429/1013).
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed; by default none is. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /** REST writes (POST, PUT, PATCH, DELETE) one client address may make per minute. */
  HTTP_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** WebSocket messages one connection may send per second, sustained; bursts of ten seconds' worth pass. */
  WS_MESSAGES_PER_SECOND: z.coerce.number().positive().default(100),
  /** WebSocket bytes one connection may send per second, sustained; bursts of ten seconds' worth (at least two largest messages) pass. */
  WS_BYTES_PER_SECOND: z.coerce
    .number()
    .positive()
    .default(1 * MiB),
  /** Collaboration sockets open at once from one client address (an office behind one NAT shares it). */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(200),
  /** Shortest time between two full-state replies to one connection; asks in between are answered once, when it ends. */
  SYNC_REPLY_INTERVAL_MS: z.coerce.number().int().min(0).default(3_000),
  /** Shortest time between two awareness (presence) updates of one connection reaching the others; ones in between are merged. */
  AWARENESS_INTERVAL_MS: z.coerce.number().int().min(0).default(100),
  /** Playbooks held in memory at once; past it the idle ones are unloaded first, then loads are refused (503, close 1013). */
  MAX_OPEN_DOCUMENTS: z.coerce.number().int().positive().default(500),
  /**
   * Stored bytes of the playbooks held in memory at once; same policy as MAX_OPEN_DOCUMENTS. A Y.Doc
   * takes up to about twelve times its stored size in memory (measured on scattered one-letter edits).
   */
  MAX_LOADED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * MiB),
  /** Time a client has to send a request's headers (slowloris). */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Time a client has to send a whole request, body included. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /**
   * Comma-separated host names, IP addresses and CIDR ranges webhooks may reach although they are
   * inside the network (loopback, private, link-local…); none by default. Never this server itself.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every((e) => /^[a-z0-9.:_\-[\]/%]+$/.test(e)),
      'Give host names, IP addresses or CIDR ranges, e.g. crm.internal,10.0.0.0/8',
    ),
  /** Webhooks one playbook may have: each publication costs one delivery per webhook. */
  WEBHOOK_MAX_PER_PLAYBOOK: z.coerce.number().int().min(1).max(1000).default(20),
  /** Deliveries in a row that must fail (after all their attempts) before a webhook is turned off. */
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Finished deliveries kept in each webhook's log (the newest). */
  WEBHOOK_LOG_KEEP: z.coerce.number().int().min(1).default(100),
  /** Days a delivery stays in the log. */
  WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).default(30),
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
  // Accounts (issue 9).
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
  // Scale-out (issue 11).
  /** `postgres://user:password@host/db`: store in PostgreSQL instead of the embedded SQLite in DATA_DIR. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'use a postgres:// or postgresql:// address' })),
  /** `redis://host:6379`: the bus between server processes, so several can share one DATABASE_URL. */
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'use a redis:// or rediss:// address' })),
  /** Bearer token that `GET /api/metrics` (Prometheus) asks for; without it the endpoint answers 404. */
  METRICS_TOKEN: optional(z.string().min(16, 'use at least 16 characters')),
});

export type Config = {
  port: number;
  host: string;
  allowedHosts: string[] | undefined;
  publicUrl: string | undefined;
  serveSourceMaps: boolean;
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
  trustedProxies: string[];
  httpWritesPerMinute: number;
  wsMessagesPerSecond: number;
  wsBytesPerSecond: number;
  maxConnectionsPerAddress: number;
  syncReplyIntervalMs: number;
  awarenessIntervalMs: number;
  maxOpenDocuments: number;
  maxLoadedBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  webhookAllowedHosts: string[];
  webhookMaxPerPlaybook: number;
  webhookDisableAfterFailures: number;
  webhookLogKeep: number;
  webhookLogDays: number;
  maxHeldBytes: number;
  sqliteCheckpointMs: number;
  sqliteJournalSizeLimit: number;
  maxNamedVersions: number;
  maxRestoreBackups: number;
  authSecret: string | undefined;
  owner: { email: string; password: string; name: string | undefined } | undefined;
  signInLimits: { perAccount: number; perAddress: number; windowSeconds: number };
  sessionRecheckMs: number;
  /** PostgreSQL instead of SQLite; undefined for the embedded default. */
  databaseUrl: string | undefined;
  /** The cross-process bus; only with databaseUrl. */
  redisUrl: string | undefined;
  metricsToken: string | undefined;
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
  if (c.REDIS_URL && !c.DATABASE_URL) {
    throw new ConfigError(
      'Invalid settings: REDIS_URL needs DATABASE_URL. Several processes can share playbooks only on PostgreSQL; the embedded SQLite serves one process.',
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    allowedHosts: c.ALLOWED_HOSTS,
    publicUrl: c.PUBLIC_URL && withoutTrailingSlashes(c.PUBLIC_URL),
    serveSourceMaps: c.SERVE_SOURCE_MAPS,
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
    trustedProxies: c.TRUSTED_PROXIES,
    httpWritesPerMinute: c.HTTP_WRITES_PER_MINUTE,
    wsMessagesPerSecond: c.WS_MESSAGES_PER_SECOND,
    wsBytesPerSecond: c.WS_BYTES_PER_SECOND,
    maxConnectionsPerAddress: c.MAX_CONNECTIONS_PER_ADDRESS,
    syncReplyIntervalMs: c.SYNC_REPLY_INTERVAL_MS,
    awarenessIntervalMs: c.AWARENESS_INTERVAL_MS,
    maxOpenDocuments: c.MAX_OPEN_DOCUMENTS,
    maxLoadedBytes: c.MAX_LOADED_BYTES,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeoutMs: Math.min(c.HEADERS_TIMEOUT_MS, c.REQUEST_TIMEOUT_MS),
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    webhookAllowedHosts: c.WEBHOOK_ALLOWED_HOSTS,
    webhookMaxPerPlaybook: c.WEBHOOK_MAX_PER_PLAYBOOK,
    webhookDisableAfterFailures: c.WEBHOOK_DISABLE_AFTER_FAILURES,
    webhookLogKeep: c.WEBHOOK_LOG_KEEP,
    webhookLogDays: c.WEBHOOK_LOG_DAYS,
    maxHeldBytes: c.MAX_HELD_BYTES,
    sqliteCheckpointMs: c.SQLITE_CHECKPOINT_MS,
    sqliteJournalSizeLimit: c.SQLITE_JOURNAL_SIZE_LIMIT,
    maxNamedVersions: c.MAX_NAMED_VERSIONS,
    maxRestoreBackups: c.MAX_RESTORE_BACKUPS,
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
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    metricsToken: c.METRICS_TOKEN,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `https://x.example/` → `https://x.example`, so links can be joined with a path (a loop, not /\/+$/, which is quadratic). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
