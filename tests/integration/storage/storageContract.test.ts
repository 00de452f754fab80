import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InstanceLockedError, openStorage, type Storage, type StorageOptions } from '../../../apps/server/src/db';
import { owner, signIn } from '../helpers/auth';
import { type PostgresCluster, postgresAvailable, startPostgres } from '../helpers/postgres';
import { startTestServer } from '../helpers/testServer';

/**
 * One contract, two databases: every store behaviour the server relies on, checked against the
 * embedded SQLite and against PostgreSQL. "Two storages" are two processes' views of one database;
 * SQLite serves one process, so there both are the same storage (its guarantees are per process).
 */
interface Backend {
  name: 'sqlite' | 'postgres';
  /** Options that open one more storage on a fresh database (`shared`: as with REDIS_URL). */
  fresh(): Promise<(shared?: boolean) => StorageOptions>;
}

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-contract-'));
  tempDirs.push(dir);
  return dir;
};
const sqliteOptions = (dataDir: string): StorageOptions => ({
  dataDir,
  synchronous: 'NORMAL',
  walCheckpointMs: 60_000,
  journalSizeLimitBytes: 1 << 20,
});

let cluster: PostgresCluster | undefined;
const withPostgres = postgresAvailable();
beforeAll(async () => {
  if (withPostgres) cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const backends: Backend[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dir = tempDir();
      return () => sqliteOptions(dir);
    },
  },
  {
    name: 'postgres',
    async fresh() {
      if (!cluster) throw new Error('no cluster');
      const url = await cluster.createDatabase();
      return (shared = true) => ({ ...sqliteOptions(tempDir()), databaseUrl: url, shared });
    },
  },
];

/** Two storages on one fresh database (the same one twice on SQLite), closed after `body`. */
async function withTwo(backend: Backend, body: (a: Storage, b: Storage) => Promise<void>): Promise<void> {
  const options = await backend.fresh();
  const a = await openStorage(options());
  const b = backend.name === 'sqlite' ? a : await openStorage(options());
  try {
    await body(a, b);
  } finally {
    await a.close();
    if (b !== a) await b.close();
  }
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** A Yjs update that pushes `value` onto the array `items`, from its own client. */
function itemUpdate(value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<number>('items').push([value]);
  return Y.encodeStateAsUpdate(doc);
}

async function loadItems(storage: Storage, playbookId: string): Promise<{ items: number[]; lastSeq: number; state: Uint8Array }> {
  const stored = await storage.documents.load(playbookId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return { items: doc.getArray<number>('items').toArray(), lastSeq: stored.lastSeq, state: Y.encodeStateAsUpdate(doc) };
}

for (const backend of backends) {
  describe.skipIf(backend.name === 'postgres' && !withPostgres)(`storage contract on ${backend.name}`, () => {
    it('numbers the updates of one append consecutively, ending at the number it resolves to', async () => {
      await withTwo(backend, async (a) => {
        await a.playbooks.create({ id: 'pb', title: 'Numbers' });
        const first = await a.documents.append('pb', [bytes(1), bytes(2), bytes(3)]);
        const second = await a.documents.append('pb', [bytes(4)]);
        expect(second).toBe(first + 1);
        const tail = await a.documents.since('pb', 0);
        expect(tail.snapshot).toBeUndefined();
        expect(tail.updates.map((u) => u.seq)).toEqual([first - 2, first - 1, first, second]);
        expect(tail.updates.map((u) => [...u.update])).toEqual([[1], [2], [3], [4]]);
      });
    });

    it('numbers appends from two storages at once without gaps or repeats per playbook', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'one', title: 'One' });
        await a.playbooks.create({ id: 'two', title: 'Two' });
        const batches = Array.from({ length: 40 }, (_, i) => ({
          storage: i % 2 ? a : b,
          id: i % 4 < 2 ? 'one' : 'two',
          size: 1 + (i % 3),
        }));
        const ends = await Promise.all(
          batches.map(({ storage, id, size }, i) =>
            storage.documents.append(
              id,
              Array.from({ length: size }, (_, k) => bytes(i, k)),
            ),
          ),
        );
        for (const id of ['one', 'two']) {
          const seqs = (await b.documents.since(id, 0)).updates.map((u) => u.seq);
          const expected = batches.filter((x) => x.id === id).reduce((n, x) => n + x.size, 0);
          expect(seqs).toHaveLength(expected);
          expect(new Set(seqs).size).toBe(expected);
          if (backend.name === 'postgres') expect(seqs).toEqual(Array.from({ length: expected }, (_, k) => k + 1));
          // Each batch's numbers are consecutive, ending at what its append resolved to.
          batches.forEach((x, i) => {
            if (x.id !== id) return;
            const end = ends[i] ?? 0;
            for (let k = 0; k < x.size; k++) expect(seqs).toContain(end - k);
          });
        }
      });
    });

    it('reports heads for many playbooks in one call, 0 for one with nothing stored, and keeps them through compaction', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'p1', title: 'P1' });
        await a.playbooks.create({ id: 'p2', title: 'P2' });
        await a.playbooks.create({ id: 'empty', title: 'Empty' });
        const h1 = await a.documents.append('p1', [itemUpdate(1), itemUpdate(2)]);
        const h2 = await b.documents.append('p2', [itemUpdate(3)]);
        expect(await b.documents.heads(['p1', 'p2', 'empty', 'unknown'])).toEqual(
          new Map([
            ['p1', h1],
            ['p2', h2],
            ['empty', 0],
            ['unknown', 0],
          ]),
        );
        const { state, lastSeq } = await loadItems(a, 'p1');
        expect(await a.documents.compact('p1', state, lastSeq)).toBe(true);
        expect((await b.documents.heads(['p1'])).get('p1')).toBe(h1);
        expect((await b.documents.load('p1')).lastSeq).toBe(h1);
      });
    });

    it('compaction keeps the rows after it, and never moves the snapshot back', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'pb', title: 'Compacted' });
        for (let i = 0; i < 5; i++) await a.documents.append('pb', [itemUpdate(i)]);
        const upto = await loadItems(a, 'pb');
        for (let i = 5; i < 8; i++) await b.documents.append('pb', [itemUpdate(i)]);

        expect(await a.documents.compact('pb', upto.state, upto.lastSeq)).toBe(true);
        const tail = await b.documents.since('pb', 0);
        expect(tail.snapshot?.uptoSeq).toBe(upto.lastSeq);
        expect(tail.updates).toHaveLength(3);
        expect(tail.updates.every((u) => u.seq > upto.lastSeq)).toBe(true);
        // Asking after the snapshot needs no snapshot.
        expect((await b.documents.since('pb', upto.lastSeq)).snapshot).toBeUndefined();

        // A storage that has not caught up offers an older state: refused, nothing changes.
        const stale = await loadItems(b, 'pb');
        expect(await b.documents.compact('pb', upto.state, upto.lastSeq)).toBe(false);
        expect(await b.documents.compact('pb', new Uint8Array([0, 0]), upto.lastSeq - 1)).toBe(false);
        expect((await loadItems(a, 'pb')).items.sort((x, y) => x - y)).toEqual(stale.items.sort((x, y) => x - y));
        expect((await loadItems(a, 'pb')).items).toHaveLength(8);
      });
    });

    it('two storages compacting one playbook while both append lose nothing', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'busy', title: 'Busy' });
        let next = 0;
        const writer = async (storage: Storage) => {
          for (let i = 0; i < 60; i++) await storage.documents.append('busy', [itemUpdate(next++)]);
        };
        let compactions = 0;
        let writing = true;
        const compactor = async (storage: Storage) => {
          while (writing) {
            const { state, lastSeq } = await loadItems(storage, 'busy');
            if (await storage.documents.compact('busy', state, lastSeq)) compactions++;
          }
        };
        const writers = Promise.all([writer(a), writer(b)]).finally(() => {
          writing = false;
        });
        await Promise.all([writers, compactor(a), compactor(b)]);
        expect(compactions).toBeGreaterThan(0);
        const { items } = await loadItems(b, 'busy');
        expect(items.sort((x, y) => x - y)).toEqual(Array.from({ length: 120 }, (_, i) => i));
      });
    });

    it('a compaction racing a newer one never moves the snapshot back over rows the newer one deleted', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'race', title: 'Race' });
        let next = 0;
        for (let round = 0; round < 25; round++) {
          await a.documents.append('race', [itemUpdate(next++)]);
          const older = await loadItems(a, 'race');
          await b.documents.append('race', [itemUpdate(next++), itemUpdate(next++)]);
          const newer = await loadItems(b, 'race');
          // Both at once, the newer first: the older must then find the snapshot past it and give up.
          await Promise.all([
            b.documents.compact('race', newer.state, newer.lastSeq),
            a.documents.compact('race', older.state, older.lastSeq),
          ]);
        }
        const { items } = await loadItems(a, 'race');
        expect(items.sort((x, y) => x - y)).toEqual(Array.from({ length: next }, (_, i) => i));
      });
    });

    it('never gives one version number twice when two storages save at once', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'pb', title: 'Versions' });
        const saved = await Promise.all(
          Array.from({ length: 16 }, (_, i) => {
            const input = {
              id: `v${i}`,
              playbookId: 'pb',
              kind: 'named' as const,
              label: `Version ${i}`,
              note: '',
              json: '{}',
              authorId: 'u',
              authorName: 'U',
              state: itemUpdate(i),
            };
            const storage = i % 2 ? a : b;
            return i % 4 === 3
              ? storage.versions.createWithUpdate(input, itemUpdate(100 + i)).then((r) => r.version)
              : storage.versions.create(input);
          }),
        );
        expect(saved.map((v) => v.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
        expect((await b.versions.latest('pb'))?.number).toBe(16);
        expect((await a.versions.get('pb', 3))?.playbookId).toBe('pb');
        // The restores' updates were numbered through the same sequence as appends.
        const seqs = (await a.documents.since('pb', 0)).updates.map((u) => u.seq);
        expect(seqs).toHaveLength(4);
        if (backend.name === 'postgres') expect(seqs).toEqual([1, 2, 3, 4]);
      });
    });

    it('hands each due webhook delivery to one claimer only', async () => {
      await withTwo(backend, async (a, b) => {
        await a.playbooks.create({ id: 'pb', title: 'Hooks' });
        for (const n of [1, 2])
          await a.webhooks.create(
            { id: `w${n}`, playbookId: 'pb', url: `https://example.com/${n}`, secret: 's', events: ['version.published'] },
            10,
          );
        let deliveryId = 0;
        const now = new Date();
        for (let i = 0; i < 30; i++) {
          const queued = await b.webhooks.enqueue(
            { id: `e${i}`, playbookId: 'pb', event: 'version.published', payload: `{"i":${i}}`, createdAt: now },
            () => `d${deliveryId++}`,
          );
          expect(queued).toBe(2);
        }
        const lease = new Date(now.getTime() + 60_000);
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).webhooks.claimDue(new Date(now.getTime() + 1), 7, lease)),
        );
        const claimed = claims.flat().map((d) => d.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        // Whatever no claim took (SKIP LOCKED may pass some by) is still due, and nothing claimed is.
        const rest = await a.webhooks.claimDue(new Date(now.getTime() + 1), 100, lease);
        expect(rest.filter((d) => claimed.includes(d.id))).toEqual([]);
        expect(claimed.length + rest.length).toBe(60);
        expect(claims.flat()[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/example\.com\//), secret: 's', status: 'pending' });
      });
    });

    it('lists playbooks in use by last edit, pages by cursor, and moves them to and from the trash', async () => {
      await withTwo(backend, async (a, b) => {
        for (let i = 0; i < 5; i++) {
          await a.playbooks.create({ id: `p${i}`, title: `Playbook ${i}` });
          await a.playbooks.noteEdited(`p${i}`, `Playbook ${i}`, new Date(Date.UTC(2026, 0, 1 + i)));
        }
        const first = await b.playbooks.list({ limit: 2 });
        expect(first.items.map((p) => p.id)).toEqual(['p4', 'p3']);
        expect(first).toMatchObject({ total: 5, hasMore: true });
        const last = first.items.at(-1);
        if (!last) throw new Error('no page');
        const second = await b.playbooks.list({ limit: 10, after: { updatedAt: last.updatedAt, id: last.id } });
        expect(second.items.map((p) => p.id)).toEqual(['p2', 'p1', 'p0']);
        expect((await b.playbooks.list({ limit: 10, ids: ['p1', 'p3', 'nope'] })).items.map((p) => p.id)).toEqual(['p3', 'p1']);

        const at = new Date(Date.UTC(2026, 1, 1));
        expect(await a.playbooks.trash('p2', 'someone', at)).toBe(true);
        expect(await b.playbooks.trash('p2', 'someone', at)).toBe(false);
        expect((await b.playbooks.list({ limit: 10 })).total).toBe(4);
        expect((await b.playbooks.listDeleted()).map((p) => [p.id, p.deletedBy, p.deletedAt?.getTime()])).toEqual([
          ['p2', 'someone', at.getTime()],
        ]);
        expect(await b.playbooks.untrash('p2')).toBe(true);
        expect(await b.playbooks.untrash('p2')).toBe(false);
        await a.playbooks.trash('p0', 'someone', at);
        await a.documents.append('p0', [bytes(1)]);
        expect(await b.playbooks.purgeTrash(new Date(at.getTime() + 1))).toEqual(['p0']);
        expect(await a.playbooks.get('p0')).toBeUndefined();
        expect((await a.documents.load('p0')).updates).toEqual([]);
      });
    });

    it('refuses a second storage on the same database unless they share it', async () => {
      const options = await backend.fresh();
      const first = await openStorage(options(false));
      try {
        const refused = await openStorage(options(false)).then(
          async (s) => {
            await s.close();
            return undefined;
          },
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(InstanceLockedError);
        if (backend.name === 'postgres') {
          expect(String(refused)).toMatch(/Another Fullcourt process is already using the database .* need REDIS_URL/);
          expect((refused as InstanceLockedError).holder?.pid).toBe(process.pid);
        }
      } finally {
        await first.close();
      }
      // Released on close: the next one may open it.
      const again = await openStorage(options(false));
      await again.close();
    });

    it.skipIf(backend.name === 'sqlite')('boots a server on it, and a session signed by one process is good on the next', async () => {
      const options = await backend.fresh();
      const env = { DATABASE_URL: options().databaseUrl ?? '' };
      // Each test server has a DATA_DIR of its own: the secret can only come from the database.
      const one = await startTestServer(env);
      let cookie: string;
      try {
        expect(one.services.storage.kind).toBe('postgres');
        cookie = await signIn(one.url, owner.email, owner.password);
      } finally {
        await one.close();
      }
      const two = await startTestServer(env);
      try {
        const me = await fetch(`${two.url}/api/v1/me`, { headers: { cookie } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { email: string }).email).toBe(owner.email);
      } finally {
        await two.close();
      }
    });
  });
}
