/**
 * Fan-out: one writer and N readers on one playbook, edit-to-receive latency at each reader.
 * The peer is a bare relay (./collab/relay.ts) hosted the same way in this process and driven
 * by the same load process, so server/relay is what Yjs, the guards and persist-before-broadcast
 * add. Runs alternate relay, server, server, relay so drift on a shared machine hits both alike.
 */
import { createToken } from '../../tests/integration/helpers/people';
import { type BenchSuite, percentile, round } from '../suite';
import { startBenchServer } from './collab/benchServer';
import type { FanoutInput, FanoutOutput } from './collab/fanoutLoad';
import { LoadProcess } from './collab/loadProcess';
import { startRelay } from './collab/relay';

const readerCounts = [10, 50, 200];
const editsPerRun = 200;
const warmup = 20;
const gapMs = 5;
/** The issue's target: p99 under 25 ms at 50 readers. */
const targetP99Ms = 25;
const targetReaders = 50;

interface Pooled {
  latenciesMs: number[];
  lastReaderMs: number[];
  lost: number;
}

const emptyPool = (): Pooled => ({ latenciesMs: [], lastReaderMs: [], lost: 0 });

function summarize({ latenciesMs, lastReaderMs, lost }: Pooled) {
  return {
    samples: latenciesMs.length,
    p50Ms: round(percentile(latenciesMs, 50)),
    p99Ms: round(percentile(latenciesMs, 99)),
    maxMs: round(percentile(latenciesMs, 100)),
    lastReaderP50Ms: round(percentile(lastReaderMs, 50)),
    lastReaderP99Ms: round(percentile(lastReaderMs, 99)),
    lost,
  };
}

async function runLoad(input: FanoutInput, into: Pooled): Promise<void> {
  const load = new LoadProcess<FanoutOutput>(new URL('./collab/fanoutLoad.ts', import.meta.url), input);
  try {
    const out = await load.receive();
    into.latenciesMs = into.latenciesMs.concat(out.latenciesMs);
    into.lastReaderMs = into.lastReaderMs.concat(out.lastReaderMs);
    into.lost += out.lost;
  } finally {
    await load.stop();
  }
}

export default {
  name: 'collab-fanout',
  async run() {
    const server = await startBenchServer();
    const relay = await startRelay();
    const rows = [];
    // Accounts on: every connection is authenticated and asks the policy once, at the upgrade; each
    // message then costs one boolean (read-only?) before it is applied. Viewers' connections are
    // read-only; the owner's are not. The same run compares readers of both kinds.
    const viewer = await createToken(server.url, { name: 'bench viewer', scopes: ['read:live'] });
    const accounts = { viewers: emptyPool(), editors: emptyPool() };
    try {
      for (const readers of readerCounts) {
        const viaServer: Pooled = { latenciesMs: [], lastReaderMs: [], lost: 0 };
        const viaRelay: Pooled = { latenciesMs: [], lastReaderMs: [], lost: 0 };
        const common = { readers, edits: editsPerRun, warmup, pace: { kind: 'closed', gapMs } as const, presence: false };
        for (const target of ['relay', 'server', 'server', 'relay'] as const) {
          if (target === 'relay') {
            await runLoad(
              { ...common, target: { dialect: 'y-websocket', wsBase: relay.wsBase, room: 'bench' }, yjsServer: false },
              viaRelay,
            );
          } else {
            // A fresh playbook per run: each starts from an empty document, like the relay's room.
            const playbookId = await server.createPlaybook(`fan-out ${readers}`);
            const owner = { cookie: server.ownerCookie };
            await runLoad(
              { ...common, target: { dialect: 'y-websocket', wsBase: server.wsUrl, room: playbookId, headers: owner }, yjsServer: true },
              viaServer,
            );
          }
        }
        if (readers === targetReaders) {
          for (const as of ['editors', 'viewers', 'viewers', 'editors'] as const) {
            const playbookId = await server.createPlaybook(`fan-out ${readers} ${as}`);
            const owner = { cookie: server.ownerCookie };
            await runLoad(
              {
                ...common,
                target: { dialect: 'y-websocket', wsBase: server.wsUrl, room: playbookId, headers: owner },
                yjsServer: true,
                readerHeaders: as === 'viewers' ? viewer.headers : owner,
              },
              accounts[as],
            );
          }
        }
        const s = summarize(viaServer);
        const r = summarize(viaRelay);
        rows.push({ readers, server: s, relay: r, ratio: { p50: round(s.p50Ms / r.p50Ms), p99: round(s.p99Ms / r.p99Ms) } });
      }
    } finally {
      await relay.close();
      await server.close();
    }

    console.log('readers | server p50 / p99 ms | relay p50 / p99 ms | ratio p50 / p99 | server last-reader p99 ms | lost');
    for (const { readers, server: s, relay: r, ratio } of rows) {
      console.log(
        `${String(readers).padStart(7)} | ${`${s.p50Ms} / ${s.p99Ms}`.padStart(19)} | ${`${r.p50Ms} / ${r.p99Ms}`.padStart(18)} | ${`${ratio.p50} / ${ratio.p99}`.padStart(15)} | ${String(s.lastReaderP99Ms).padStart(25)} | ${s.lost + r.lost}`,
      );
    }
    const viewers = summarize(accounts.viewers);
    const editors = summarize(accounts.editors);
    const accessRatio = { p50: round(viewers.p50Ms / editors.p50Ms), p99: round(viewers.p99Ms / editors.p99Ms) };
    console.log(
      `accounts at ${targetReaders} readers: read-only viewers p50 / p99 ${viewers.p50Ms} / ${viewers.p99Ms} ms, editors ${editors.p50Ms} / ${editors.p99Ms} ms, ratio ${accessRatio.p50} / ${accessRatio.p99} (target within 5%)`,
    );
    const atTarget = rows.find((row) => row.readers === targetReaders);
    const targetMet = atTarget !== undefined && atTarget.server.p99Ms < targetP99Ms;
    console.log(
      `target: p99 under ${targetP99Ms} ms at ${targetReaders} readers: ${targetMet ? 'met' : 'NOT met'} (${atTarget?.server.p99Ms} ms)`,
    );

    return {
      method:
        'writer: y-websocket provider setting a Y.Map key per edit, one edit in flight; readers: bare sockets speaking y-websocket; clients in a child process, server or relay in this one; all on 127.0.0.1',
      editsPerRun,
      runsPerTarget: 2,
      gapMs,
      rows,
      target: { readers: targetReaders, p99UnderMs: targetP99Ms, met: targetMet },
      accounts: { readers: targetReaders, viewers, editors, ratio: accessRatio, withinFivePercent: accessRatio.p50 <= 1.05 },
    };
  },
} satisfies BenchSuite;
