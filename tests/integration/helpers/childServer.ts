import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ownerEnv, signInOwner } from './auth';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChildServer {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  /** Every structured log line the server printed so far. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** Runs `apps/server/src/main.ts` as a separate process (so a test can kill -9 it), with the owner signed in (see ./auth). */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...ownerEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time; stderr: ${stderr}`)), 20_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry.url === 'string') {
          clearTimeout(timer);
          resolveUrl(entry.url);
        }
      } catch {
        // Not a log line (a banner, say): ignore it.
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening; stderr: ${stderr}`)));
  });
  if (env.FULLCOURT_OWNER_EMAIL !== '') await signInOwner(url, dataDir);
  return { url, wsUrl: `${url.replace('http', 'ws')}/collab`, process: child, logs, exited };
}
