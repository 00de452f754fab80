import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../db';

/**
 * The secret that signs session cookies: AUTH_SECRET when set; otherwise the one the database
 * keeps for every process (PostgreSQL: processes that signed differently would sign each
 * other's people out); otherwise one made on first boot and kept beside the SQLite database
 * (mode 0600), so sessions survive restarts with no setting.
 */
export async function authSecret(configured: string | undefined, storage: Pick<Storage, 'sharedSecret'>, dataDir: string): Promise<string> {
  if (configured) return configured;
  const shared = await storage.sharedSecret('auth');
  if (shared) return shared;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
