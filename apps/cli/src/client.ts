/** A problem reported by the server (RFC 9457), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Minimal client for the server's /api/v1, with problem details turned into readable errors. */
export class FullcourtClient {
  constructor(
    private readonly server: string,
    /** An API token (fc_…), sent as `Authorization: Bearer`, never in a URL. */
    private readonly token: string | undefined,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(new URL(`/api/v1${path}`, this.server), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(
        0,
        `Could not reach ${this.server}: ${(error as Error).message}. Is the server running? Set --server or FULLCOURT_SERVER.`,
      );
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
      if (res.status === 401) {
        throw new ApiError(
          401,
          `${problem.title ?? 'Sign in first'}: set FULLCOURT_TOKEN, or run \`fullcourt login\` with an API token (People → API tokens in the app).`,
        );
      }
      throw new ApiError(res.status, `${problem.title ?? `HTTP ${res.status}`}: ${problem.detail ?? res.statusText}`);
    }
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.request(method, path, body)).json()) as T;
  }
}
