import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { createPlaybook } from '../helpers/api';
import { destroyAllProviders, eventually, openSyncedProvider } from '../helpers/providers';
import { moveProvider, type ScaleOut, scaleOutAvailable, startScaleOut } from '../helpers/scaleOut';

const available = scaleOutAvailable();
let cluster: ScaleOut;

beforeAll(async () => {
  if (!available) return;
  cluster = await startScaleOut(3);
}, 120_000);

afterEach(() => destroyAllProviders());
afterAll(async () => {
  await cluster?.close();
}, 60_000);

const ws = (i: number) => cluster.servers[i]?.wsUrl as string;
const url = (i: number) => cluster.servers[i]?.url as string;
const edits = (client: WebsocketProvider) => client.doc.getArray<string>('edits');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each client pushes one edit per round, `rounds` times, `gapMs` apart; `during(round)` runs before each round. */
async function burst(
  clients: WebsocketProvider[],
  rounds: number,
  gapMs: number,
  during: (round: number) => Promise<void> | void = () => {},
) {
  for (let round = 0; round < rounds; round++) {
    await during(round);
    for (const [c, client] of clients.entries()) edits(client).push([`c${c}-${round}`]);
    await pause(gapMs);
  }
}

async function converged(clients: WebsocketProvider[], total: number, timeoutMs = 20_000): Promise<void> {
  await eventually(() => clients.every((c) => edits(c).length === total), timeoutMs, `all ${total} edits at every client`);
  const expected = edits(clients[0] as WebsocketProvider).toJSON();
  for (const client of clients) expect(edits(client).toJSON()).toEqual(expected);
}

describe.skipIf(!available)('three server processes when a part fails', () => {
  it('loses no edit when Redis is killed and restarted mid-edit, and every process converges', async () => {
    const id = await createPlaybook(url(0), 'Redis killed', 'empty');
    const clients = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    await burst(clients, 30, 20, async (round) => {
      if (round === 10) await cluster.redis.kill();
      if (round === 20) await cluster.redis.restart();
    });
    await converged(clients, 90);
  });

  it('loses no edit when Redis is stopped (SIGSTOP) for a few seconds mid-edit', async () => {
    const id = await createPlaybook(url(0), 'Redis stopped', 'empty');
    const clients = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    await burst(clients, 30, 20, (round) => {
      if (round === 10) cluster.redis.stop();
    });
    await pause(2_500);
    cluster.redis.cont();
    await converged(clients, 90);
  });

  it('broadcasts nothing it could not store while PostgreSQL is down, and recovers when it is back', async () => {
    const id = await createPlaybook(url(0), 'Postgres restarted', 'empty');
    const [writer, neighbour, remote] = await Promise.all([0, 0, 1].map((i) => openSyncedProvider(ws(i), id)));
    const clients = [writer, neighbour, remote] as WebsocketProvider[];
    edits(clients[0] as WebsocketProvider).push(['before']);
    await converged(clients, 1);

    await cluster.pg.kill();
    edits(writer as WebsocketProvider).push(['while down']);
    // Long enough for a broadcast to have arrived had there been one.
    await pause(1_500);
    expect(edits(neighbour as WebsocketProvider).toJSON()).toEqual(['before']);
    expect(edits(remote as WebsocketProvider).toJSON()).toEqual(['before']);

    await cluster.pg.restart();
    await converged(clients, 2, 30_000);
    const late = await openSyncedProvider(ws(2), id);
    await eventually(() => edits(late).length === 2, 10_000, 'a late joiner to get the edit stored after the restart');
  }, 60_000);

  it('keeps every edit another process’s client had received when one process is killed with SIGKILL mid-burst; its clients reconnect elsewhere and their unsent edits merge', async () => {
    const id = await createPlaybook(url(0), 'Process killed', 'empty');
    const clients = await Promise.all([0, 1, 2].map((i) => openSyncedProvider(ws(i), id)));
    const [a, b, c] = clients as [WebsocketProvider, WebsocketProvider, WebsocketProvider];
    let seenAtKill: string[] = [];
    await burst(clients, 40, 10, async (round) => {
      if (round !== 20) return;
      await cluster.kill(2);
      // What the clients of the surviving processes had received by then must all survive.
      seenAtKill = [...new Set([...edits(a).toJSON(), ...edits(b).toJSON()])];
      // The load balancer sends the killed process's clients to another one.
      moveProvider(c, ws(0));
    });
    await converged(clients, 120, 30_000);
    for (const edit of seenAtKill) expect(edits(a).toJSON()).toContain(edit);

    await cluster.restart(2);
    const late = await openSyncedProvider(ws(2), id);
    await eventually(() => edits(late).length === 120, 15_000, 'the restarted process to serve every edit');
    expect(edits(late).toJSON()).toEqual(edits(a).toJSON());
  }, 90_000);
});
