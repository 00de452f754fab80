import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InstanceLockedError } from '../instanceLock';
import { lockDataDir } from './dataDirLock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-lock-'));
  dirs.push(dir);
  return dir;
}

describe('the data folder lock', () => {
  it('refuses a second holder, naming the first by pid, host and start time', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    let refused: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InstanceLockedError);
    const { holder, message } = refused as InstanceLockedError;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.parse(holder?.startedAt ?? '')).not.toBeNaN();
    expect(message).toContain(`process ${process.pid} on ${hostname()}`);
    lock.release();
  });

  it('can be taken again once released', () => {
    const dir = tempDir();
    lockDataDir(dir).release();
    const again = lockDataDir(dir);
    again.release();
  });
});
