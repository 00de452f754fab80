/**
 * Every error the server means to show a client is an AppError with a stable problem `type`
 * (clients branch on it, never on the title), mapped once to RFC 9457 problem details in
 * http/problem.ts. WebSocket close codes live here too.
 */

/** The catalogue of problem types: each one's HTTP status, a title for people, and when it happens (listed in the OpenAPI document). */
export const problemTypes = {
  'invalid-input': { status: 400, title: 'Invalid input', description: 'A field is missing or wrong; `errors` names each field and why.' },
  'invalid-json': { status: 400, title: 'Invalid JSON', description: 'The request body is not valid JSON.' },
  'invalid-request': { status: 400, title: 'Invalid request', description: 'The request cannot be carried out as asked.' },
  'not-found': { status: 404, title: 'Not found', description: 'No resource with that id or path exists.' },
  'not-published': { status: 404, title: 'Not published', description: 'The playbook has no published version yet; read ?version=live.' },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'The request conflicts with the current state (an id already in use, edits not yet received).',
  },
  'edits-in-flight': {
    status: 409,
    title: 'Edits still on their way',
    description: 'The server has not yet received every edit the client had when it asked to save; save again once connected.',
  },
  'upgrade-required': {
    status: 426,
    title: 'Upgrade Required',
    description: 'A WebSocket endpoint was called without a WebSocket upgrade.',
  },
  'host-not-allowed': {
    status: 403,
    title: 'Host not allowed',
    description: 'The Host header names a host this server does not answer for (ALLOWED_HOSTS).',
  },
  'cross-site-request': {
    status: 403,
    title: 'Cross-site request refused',
    description: 'A state-changing request came from another origin.',
  },
  'request-too-large': { status: 413, title: 'Request too large', description: 'The request body is over the size limit.' },
  'playbook-too-large': {
    status: 413,
    title: 'Playbook too large',
    description: 'The playbook reached MAX_DOCUMENT_BYTES; the change was not made.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description: 'A rate limit was reached; retry after the number of seconds in Retry-After.',
  },
  'internal-error': { status: 500, title: 'Internal Server Error', description: 'An unexpected error; it was logged with the request id.' },
  'storage-unavailable': {
    status: 503,
    title: 'Storage unavailable',
    description: 'The database cannot take writes right now (full disk, read-only, I/O error); nothing was lost.',
  },
  'shutting-down': { status: 503, title: 'Shutting down', description: 'The server is restarting; retry in a moment.' },
  // Limits on what one client may cost (issue 8).
  'server-busy': {
    status: 503,
    title: 'Server busy',
    description:
      'The server holds as many playbooks in memory as its settings allow (MAX_OPEN_DOCUMENTS, MAX_LOADED_BYTES) and none is idle; retry after Retry-After seconds.',
  },
  // Webhooks (issue 8: destinations and fan-out)
  'webhook-url-refused': {
    status: 400,
    title: 'Webhook URL refused',
    description:
      'The URL points at this server or inside its network (loopback, private, link-local, unique-local, a local-only name); `reason` names which. WEBHOOK_ALLOWED_HOSTS can allow an internal receiver.',
  },
  'webhook-limit': {
    status: 409,
    title: 'Too many webhooks',
    description: 'The playbook has WEBHOOK_MAX_PER_PLAYBOOK webhooks (`limit`); delete one before adding another.',
  },
  // Storage and history limits (issue 8).
  'version-limit-reached': {
    status: 409,
    title: 'Too many named versions',
    description: 'The playbook has as many named versions as MAX_NAMED_VERSIONS allows; no version was saved.',
  },
  // Accounts and access (issue 9).
  unauthenticated: {
    status: 401,
    title: 'Sign in first',
    description: 'No valid session cookie or API token (`Authorization: Bearer fc_…`) came with the request.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    description:
      'The caller is known but may not do this: their role on the playbook or workspace, or their token’s scopes (`requiredScopes`), do not allow it.',
  },
  'invalid-credentials': {
    status: 401,
    title: 'Wrong email or password',
    description: 'Sign-in failed; nothing says which of the two was wrong.',
  },
  'link-expired': {
    status: 410,
    title: 'Link no longer valid',
    description: 'The invitation or setup link was already used, revoked, or has expired; ask for a new one.',
  },
  // Operating it (issue 11).
  'backup-not-supported': {
    status: 409,
    title: 'Backups are taken with the database’s own tools',
    description:
      'This server stores in PostgreSQL (DATABASE_URL): back it up with pg_dump and restore with pg_restore; the backup route serves the embedded SQLite only.',
  },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ProblemType = keyof typeof problemTypes;

/** The `type` URI of a problem, relative to the server. */
export const problemTypeUri = (type: ProblemType) => `/problems/${type}`;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly title: string;
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extras: Record<string, unknown> = {},
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = problemTypes[type].status;
    this.title = problemTypes[type].title;
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const notFound = (what: string, id: string) =>
  new AppError('not-found', `No ${what} with id '${id}' exists. Check the id, or list them first.`);

export const invalidInput = (problems: FieldProblem[]) =>
  new AppError('invalid-input', problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '), {
    errors: problems,
  });

export const invalidJson = () =>
  new AppError('invalid-json', 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.');

export const storageUnavailable = (detail: string) => new AppError('storage-unavailable', detail);

/** A limit was reached: says which one and when to retry. */
export const rateLimited = (limit: string, retryAfterSeconds: number) =>
  new AppError(
    'rate-limited',
    `Too many ${limit}. Try again in ${retryAfterSeconds} s.`,
    { limit, retryAfter: retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** Close codes sent on the collaboration WebSocket, each with the reason a client can show. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  /** The server is overloaded or storage is behind; reconnecting later works (nothing held is lost). */
  tryAgainLater: 1013,
  /** The playbook could not be loaded from storage; retrying later may work. */
  loadFailed: 4500,
  /** The playbook's stored state reached MAX_DOCUMENT_BYTES; edits are refused. */
  documentTooLarge: 4413,
  /** The client sent too many messages or bytes; it may reconnect after a pause. */
  rateLimited: 4429,
  /**
   * An edit made a plain-text field longer than its limit; the excess was cut, the rest of the edit
   * kept. Outside 4400–4499 on purpose: y-websocket gives up on those, and this client must
   * reconnect to resync the cut.
   */
  textTooLong: 4022,
  /** An update nests rich text past MAX_RICH_TEXT_DEPTH or adds too many nodes at once; it was not applied. */
  contentTooComplex: 4422,
  /** The session ended, the token was revoked or expired, or the account was deactivated: sign in again. */
  unauthenticated: 4401,
  /** Not allowed: an edit from a read-only connection, or access was lowered or removed (reconnect to learn which). */
  forbidden: 4403,
} as const;

/** Why the server closes a collaboration socket: a code plus a sentence a person can act on. */
export class CloseReason {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {}
}
