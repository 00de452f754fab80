/**
 * Every error the server means to show a client is an AppError, mapped once to RFC 9457
 * problem details (HTTP) in http/problem.ts. WebSocket close codes live here too.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extras: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'Not found', `No ${what} with id '${id}' exists. Check the id, or list them first.`);

export const invalidInput = (problems: FieldProblem[]) =>
  new AppError(400, 'Invalid input', problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '), {
    errors: problems,
  });

export const invalidJson = () =>
  new AppError(400, 'Invalid JSON', 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.');

/** Close codes sent on the collaboration WebSocket, each with the reason a client can show. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  /** The playbook could not be loaded from storage; retrying later may work. */
  loadFailed: 4500,
  /** The playbook's stored state reached MAX_DOCUMENT_BYTES; edits are refused. */
  documentTooLarge: 4413,
} as const;

/** Why the server closes a collaboration socket: a code plus a sentence a person can act on. */
export class CloseReason {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {}
}
