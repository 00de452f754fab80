import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PostOptions {
  timeoutMs: number;
  /** Resolves the host and refuses what may not be called (DestinationPolicy.lookupFor). */
  lookup: LookupFunction;
}

/** The endpoint did not answer within the timeout (DNS, connect, and the status line included). */
export class PostTimeout extends Error {
  override name = 'PostTimeout';
}

/**
 * POSTs `body` to `url` and resolves with the status code. node:http never follows redirects,
 * so a 3xx is an answer like any other (a redirect could point inside the network). The
 * answer's body is not read: a receiver cannot hold the dispatcher by streaming one.
 * Each call has its own agent, without keep-alive, so every delivery goes through `lookup`.
 */
export function post(url: URL, headers: Record<string, string>, body: string, options: PostOptions): Promise<number> {
  const https = url.protocol === 'https:';
  const agentOptions = { keepAlive: false, lookup: options.lookup };
  const agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const signal = AbortSignal.timeout(options.timeoutMs);
  return new Promise<number>((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      url,
      { method: 'POST', agent, signal, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', (error) => reject(signal.aborted ? new PostTimeout(`No answer within ${options.timeoutMs} ms`) : error));
    request.end(body);
  }).finally(() => agent.destroy());
}
