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
      { method: options.method ?? 'GET', headers: requestHeaders(url, options), agent: false, timeout: timeoutMs },
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

/**
 * The request's headers, with the server's remembered credentials. A body gets its length: Node's
 * client sends a DELETE body neither chunked nor with a length, so the server would read it as the
 * next request and answer 400 (or reset, racing a large body) before the route ever saw it.
 */
function requestHeaders(url: string, options: FreshConnectionRequest): Record<string, string> {
  const headers = withCredentials(url, options.headers);
  const sized = Object.keys(headers).some((h) => ['content-length', 'transfer-encoding'].includes(h.toLowerCase()));
  return options.body === undefined || sized ? headers : { ...headers, 'content-length': String(Buffer.byteLength(options.body)) };
}
