import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ownerEnv, signInOwner } from './auth';
import { databaseUrlFor } from './testStorage';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChildServer {
  url: string;
  wsUrl: string;
  /** The owner's session cookie ('' when the server was started without an owner). */
  ownerCookie: string;
  process: ChildProcess;
  /** Every structured log line the server printed so far. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  /** What the process wrote to stderr so far (a crash's stack trace lands there). */
  stderr(): string;
  /** Whether the process is still running. */
  alive(): boolean;
}

export interface ChildServerOptions {
  /** Modules to preload with `--import` before the server (e.g. noOutboundConnections.ts). */
  imports?: string[];
  /** How long the server may take to listen (20 s by default; a loaded machine needs more). */
  startTimeoutMs?: number;
  /** A compiled server's entry point, run on bare Node (by default apps/server/src/main.ts runs through tsx, which also loads `imports`). */
  entry?: string;
}

/**
 * Runs `apps/server/src/main.ts` as a separate process (so a test can kill -9 it), with the
 * owner signed in (see ./auth). `as` runs it as another user (tests run as root, for whom no
 * folder is read-only).
 */
export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
  as: { uid: number; gid: number } | undefined = undefined,
  options: ChildServerOptions = {},
): Promise<ChildServer> {
  const preloads = (options.imports ?? []).flatMap((module) => ['--import', module]);
  const args = options.entry ? [...preloads, options.entry] : ['--import', 'tsx', ...preloads, 'apps/server/src/main.ts'];
  // Under FULLCOURT_TEST_STORAGE=postgres, the data folder's own database (./testStorage.ts).
  const databaseUrl = env.DATABASE_URL === undefined ? await databaseUrlFor(dataDir) : undefined;
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...ownerEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time; stderr: ${stderr}`)), options.startTimeoutMs ?? 20_000);
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
    // 'close', not 'exit': only then has everything it wrote to stderr arrived.
    child.once('close', (code) => reject(new Error(`server exited with ${code} before listening; stderr: ${stderr}`)));
  });
  const ownerCookie = env.FULLCOURT_OWNER_EMAIL !== '' ? await signInOwner(url, dataDir) : '';
  return {
    url,
    ownerCookie,
    wsUrl: `${url.replace('http', 'ws')}/collab`,
    process: child,
    logs,
    exited,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

/** What the server logged at error level or worse since log line `since`, with short stacks, and its stderr if it died: for a failure message. */
export function errorsLogged(server: ChildServer, since: number): string {
  const errors = server.logs.slice(since).filter((line) => Number(line.level) >= 50);
  const crash = server.alive() ? '' : `\nserver stderr:\n${server.stderr().slice(-2_000)}`;
  if (errors.length === 0) return crash;
  const lines = errors.slice(0, 5).map((line) => {
    const err = line.err as { message?: string; stack?: string } | undefined;
    return `  ${String(line.msg)}: ${err?.message ?? ''}\n    ${(err?.stack ?? '').split('\n').slice(1, 6).join('\n    ')}`;
  });
  return `\nserver logged:\n${lines.join('\n')}${crash}`;
}
