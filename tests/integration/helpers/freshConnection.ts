import { request } from 'node:http';
import { withCredentials } from './auth';

export interface FreshConnectionRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/**
 * One HTTP request on a connection of its own, closed after the answer. Fuzz cases use it so that
 * what one request leaves on a connection cannot surface as the failure of the next one: each case
 * then fails or passes on its own, the same way on every run. Like api(), it carries the server's
 * remembered credentials (the owner's session) unless `headers` bring their own. Resolves with the
 * answer, or with a sentence saying why there was none.
 */
export function requestOnFreshConnection(
  url: string,
  options: FreshConnectionRequest = {},
): Promise<{ status: number; body: string } | string> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: withCredentials(url, options.headers), agent: false, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (error) => resolve(error.message));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // The server may answer before reading a body it refuses, then close: the answer still counts.
    req.on('error', (error) => resolve(error.message));
    req.end(options.body);
  });
}
