import { hostname } from 'node:os';
import pg from 'pg';
import { InstanceLockedError, type LockHolder } from '../instanceLock';
import { lockSpace } from './database';

/** How this process names its connections, so a second one can say who holds the lock. */
export const applicationName = `fullcourt ${process.pid}@${hostname()}`.slice(0, 63);

/** The database's address without credentials, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Holds PostgreSQL's session advisory lock for this database on a connection of its own, so a
 * second process without REDIS_URL refuses to start (InstanceLockedError). The database drops the
 * lock when this process dies. When the connection drops (the database restarted), the lock is
 * taken again on a new one; `onError` hears when that fails.
 */
export async function holdInstanceLock(url: string, onError: (error: unknown) => void): Promise<HeldLock> {
  let released = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const take = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
    c.on('error', () => {}); // the 'end' handler below takes over
    await c.connect();
    try {
      const { rows } = await c.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, 0) AS locked', [lockSpace.instance]);
      if (!rows[0]?.locked) throw new InstanceLockedError('', await holderOf(c), describeDatabase(url));
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    c.on('end', () => {
      if (released || client !== c) return;
      client = undefined;
      schedule();
    });
    return c;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      take().then(
        (c) => {
          if (released) void c.end().catch(() => {});
          else client = c;
        },
        (error: unknown) => {
          onError(error);
          if (!released) schedule();
        },
      );
    }, 2_000);
    retry.unref();
  };

  client = await take();
  return {
    async release() {
      released = true;
      clearTimeout(retry);
      // Ending the session releases its advisory lock.
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}

/** Who holds the instance lock, from the connection's application name (`fullcourt <pid>@<host>`). */
async function holderOf(client: pg.Client): Promise<LockHolder | undefined> {
  const { rows } = await client.query<{ application_name: string; backend_start: Date }>(
    `SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = 0 AND l.granted
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1`,
    [lockSpace.instance],
  );
  const match = rows[0]?.application_name.match(/^fullcourt (\d+)@(.*)$/);
  if (!match || !rows[0]) return undefined;
  return { pid: Number(match[1]), host: match[2] ?? '', startedAt: rows[0].backend_start.toISOString() };
}
