import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where `fullcourt login` keeps API tokens, one per server: $FULLCOURT_CONFIG_DIR, else
 * $XDG_CONFIG_HOME/fullcourt, else ~/.config/fullcourt; the file is readable by its owner only.
 */
export function credentialsFile(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.FULLCOURT_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'fullcourt');
  return join(dir, 'credentials.json');
}

type Stored = { servers: Record<string, string> };

const serverKey = (server: string) => new URL(server).origin;

function read(file: string): Stored {
  if (!existsSync(file)) return { servers: {} };
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    return { servers: {} };
  }
}

/** The token to send: FULLCOURT_TOKEN, else the one stored for this server by `fullcourt login`. */
export function tokenFor(server: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.FULLCOURT_TOKEN || read(credentialsFile(env)).servers[serverKey(server)];
}

export function storeToken(server: string, token: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const file = credentialsFile(env);
  const stored = read(file);
  if (token) stored.servers[serverKey(server)] = token;
  else delete stored.servers[serverKey(server)];
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  // An existing file keeps its mode on write: make sure it is private.
  chmodSync(file, 0o600);
  return file;
}
