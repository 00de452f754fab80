/**
 * Scale-out: the same workloads on one process with SQLite, one process on PostgreSQL, and three
 * processes on PostgreSQL with the Redis bus (clients spread over them), in one run.
 *
 * - Fan-out: one writer on the first process and 50 readers taken in turn over every process, with
 *   presence on as in real use: edit-to-receive latency at each reader. With three processes two
 *   thirds of the readers hear each edit over the bus.
 * - Durable throughput and CPU per update: three writers each replaying the first transactions of
 *   the automerge-paper trace (Martin Kleppmann, automerge-perf, via Joseph Gentle's
 *   editing-traces; CC BY 4.0) into their own text of one playbook, writer i on process i mod N,
 *   each with a co-author on the same process; persist-before-broadcast makes "seen by the
 *   co-author" mean "stored". CPU is every server process's, summed, from /proc; the machine has two
 *   cores, so CPU per update (not updates per second) says what the bus costs.
 */
import { createPlaybook } from '../../tests/integration/helpers/api';
import { startPostgres } from '../../tests/integration/helpers/postgres';
import { destroyAllProviders, eventually, openSyncedProvider } from '../../tests/integration/helpers/providers';
import { startRedis } from '../../tests/integration/helpers/redis';
import { type BenchOptions, type BenchSuite, percentile, round } from '../suite';
import type { FanoutInput, FanoutOutput } from './collab/fanoutLoad';
import { LoadProcess } from './collab/loadProcess';
import type { ReplayDown, ReplayInput, ReplayUp } from './collab/traceReplay';
import type { CollabTarget } from './collab/wire';
import { type Cluster, type ClusterSpec, startCluster } from './scaleOut/cluster';

const readers = 50;
const edits = 200;
const warmup = 20;
const writers = 3;
/** Per writer, unless --trace-txns says otherwise: about a tenth of the trace each keeps the run within minutes. */
const defaultTxnsPerWriter = 20_000;
const pacedTxns = 300;
const targets = { crossProcessP99Ms: 25, busCpuRatio: 1.5, postgresThroughputShare: 0.5 };

const targetOf = (cluster: Cluster, index: number, room: string): CollabTarget => {
  const server = cluster.servers[index % cluster.servers.length] as Cluster['servers'][number];
  return { dialect: 'y-websocket', wsBase: server.wsUrl, room, headers: { cookie: server.ownerCookie } };
};

async function fanout(cluster: Cluster) {
  const first = cluster.servers[0] as Cluster['servers'][number];
  const room = await createPlaybook(first.url, 'scale-out fan-out', 'empty');
  const input: FanoutInput = {
    target: targetOf(cluster, 0, room),
    readerTargets: cluster.servers.map((_, i) => targetOf(cluster, i, room)),
    readers,
    edits,
    warmup,
    pace: { kind: 'closed', gapMs: 5 },
    yjsServer: true,
    presence: true,
  };
  const load = new LoadProcess<FanoutOutput>(new URL('./collab/fanoutLoad.ts', import.meta.url), input);
  try {
    const out = await load.receive();
    return { p50Ms: round(percentile(out.latenciesMs, 50)), p99Ms: round(percentile(out.latenciesMs, 99)), lost: out.lost };
  } finally {
    await load.stop();
  }
}

type Kind<K extends ReplayUp['kind']> = Extract<ReplayUp, { kind: K }>;

async function next<K extends ReplayUp['kind']>(load: LoadProcess<ReplayUp, ReplayDown>, kind: K): Promise<Kind<K>> {
  const message = await load.receive();
  if (message.kind !== kind) throw new Error(`expected "${kind}" from a replay process, got "${message.kind}"`);
  return message as Kind<K>;
}

const idleWindowMs = 6_000;

/**
 * CPU the server processes spend with no client at all (timers, heartbeats, the periodic check
 * against storage), in µs per second: summed over three processes it is part of every CPU-per-update
 * figure, a share that grows as runs get shorter. Reported beside it, never subtracted.
 */
async function idleCpuPerSecond(cluster: Cluster): Promise<number> {
  await new Promise((done) => setTimeout(done, 1_000));
  const before = cluster.cpuMicros();
  const started = performance.now();
  await new Promise((done) => setTimeout(done, idleWindowMs));
  return Math.round((cluster.cpuMicros() - before) / ((performance.now() - started) / 1000));
}

async function throughput(cluster: Cluster, txnLimit: number, idleMicrosPerSecond: number) {
  const first = cluster.servers[0] as Cluster['servers'][number];
  const room = await createPlaybook(first.url, 'scale-out throughput', 'empty');
  const loads = Array.from(
    { length: writers },
    (_, i) =>
      new LoadProcess<ReplayUp, ReplayDown>(new URL('./collab/traceReplay.ts', import.meta.url), {
        target: targetOf(cluster, i, room),
        textName: `trace-${i}`,
        pacedTxns,
        pacedEveryMs: 1,
        window: 1_000,
        txnLimit,
      } satisfies ReplayInput),
  );
  try {
    await Promise.all(loads.map((load) => next(load, 'ready')));
    await Promise.all(loads.map((load) => next(load, 'pacedSent')));
    const cpuBefore = cluster.cpuMicros();
    const started = performance.now();
    for (const load of loads) load.send({ kind: 'saturate' });
    await Promise.all(loads.map((load) => next(load, 'saturatedStarted')));
    const sent = await Promise.all(loads.map((load) => next(load, 'saturatedSent')));
    const seconds = (performance.now() - started) / 1000;
    // Every process must hold every writer's text, including those it heard of over the bus.
    const texts = await converged(cluster, room);
    const cpuMicros = cluster.cpuMicros() - cpuBefore;
    const cpuSeconds = (performance.now() - started) / 1000;
    const updates = sent.reduce((n, s) => n + s.updates, 0);
    for (const load of loads) load.send({ kind: 'finish' });
    return {
      updates,
      seconds: round(seconds),
      updatesPerSecond: Math.round(updates / seconds),
      cpuMicrosPerUpdate: round(cpuMicros / updates, 1),
      /** What the processes would have spent idle over the same interval, per update: included in cpuMicrosPerUpdate. */
      idleCpuMicrosPerUpdate: round((idleMicrosPerSecond * cpuSeconds) / updates, 1),
      coauthorsMatched: sent.every((s) => s.coauthorTextMatches !== false),
      everyProcessConverged: texts,
    };
  } finally {
    await Promise.all(loads.map((load) => load.stop()));
  }
}

/** Whether a fresh client on each process reads the same three texts (within 30 s). */
async function converged(cluster: Cluster, room: string): Promise<boolean> {
  const read = async (index: number) => {
    const target = targetOf(cluster, index, room);
    const provider = await openSyncedProvider(target.wsBase, room);
    return provider.doc;
  };
  try {
    const docs = await Promise.all(cluster.servers.map((_, i) => read(i)));
    const textsOf = (doc: (typeof docs)[number]) =>
      Array.from({ length: writers }, (_, i) => doc.getText(`trace-${i}`).toString()).join('\u0000');
    await eventually(() => docs.every((doc) => textsOf(doc) === textsOf(docs[0] as (typeof docs)[number])), 30_000, 'processes converge');
    return true;
  } catch {
    return false;
  } finally {
    destroyAllProviders();
  }
}

export default {
  name: 'scale-out',
  async run(options: BenchOptions) {
    const txnLimit = options.traceTxns ?? defaultTxnsPerWriter;
    const postgres = await startPostgres();
    const redis = await startRedis();
    const specs: { key: string; spec: () => Promise<ClusterSpec> }[] = [
      { key: 'sqlite1', spec: async () => ({ storage: 'sqlite' }) },
      { key: 'postgres1', spec: async () => ({ storage: 'postgres', databaseUrl: await postgres.createDatabase(), processes: 1 }) },
      {
        key: 'postgres3',
        spec: async () => ({ storage: 'postgres', databaseUrl: await postgres.createDatabase(), redisUrl: redis.url, processes: 3 }),
      },
    ];
    const rows: Record<
      string,
      {
        label: string;
        idleMicrosPerSecond: number;
        fanout: Awaited<ReturnType<typeof fanout>>;
        throughput: Awaited<ReturnType<typeof throughput>>;
      }
    > = {};
    try {
      for (const { key, spec } of specs) {
        const cluster = await startCluster(await spec());
        try {
          const idleMicrosPerSecond = await idleCpuPerSecond(cluster);
          rows[key] = {
            label: cluster.label,
            idleMicrosPerSecond,
            fanout: await fanout(cluster),
            throughput: await throughput(cluster, txnLimit, idleMicrosPerSecond),
          };
        } finally {
          await cluster.stop();
        }
      }
    } finally {
      await redis.close();
      await postgres.stop();
    }

    console.log(
      `configuration | fan-out p50 / p99 ms at ${readers} readers | updates/s | CPU µs per update (all processes) | of which idle | idle CPU µs/s | converged`,
    );
    for (const { label, idleMicrosPerSecond, fanout: f, throughput: t } of Object.values(rows)) {
      console.log(
        `${label.padEnd(26)} | ${`${f.p50Ms} / ${f.p99Ms}`.padStart(16)} | ${String(t.updatesPerSecond).padStart(9)} | ${String(t.cpuMicrosPerUpdate).padStart(8)} | ${String(t.idleCpuMicrosPerUpdate).padStart(6)} | ${String(idleMicrosPerSecond).padStart(6)} | ${t.everyProcessConverged}`,
      );
    }
    const { sqlite1, postgres1, postgres3 } = rows as Record<'sqlite1' | 'postgres1' | 'postgres3', (typeof rows)[string]>;
    const ratios = {
      busCpu: round(postgres3.throughput.cpuMicrosPerUpdate / postgres1.throughput.cpuMicrosPerUpdate),
      postgresThroughputShare: round(postgres1.throughput.updatesPerSecond / sqlite1.throughput.updatesPerSecond),
    };
    const met = {
      crossProcessP99: postgres3.fanout.p99Ms < targets.crossProcessP99Ms,
      busCpu: ratios.busCpu <= targets.busCpuRatio,
      postgresThroughput: ratios.postgresThroughputShare >= targets.postgresThroughputShare,
    };
    console.log(
      `targets: cross-process p99 at ${readers} readers under ${targets.crossProcessP99Ms} ms: ${met.crossProcessP99 ? 'met' : 'NOT met'} (${postgres3.fanout.p99Ms} ms); ` +
        `CPU per update, 3 processes / 1 on Postgres at most ${targets.busCpuRatio}: ${met.busCpu ? 'met' : 'NOT met'} (${ratios.busCpu}); ` +
        `Postgres throughput at least ${targets.postgresThroughputShare} of SQLite's: ${met.postgresThroughput ? 'met' : 'NOT met'} (${ratios.postgresThroughputShare})`,
    );
    return {
      method:
        'child-process servers; fan-out: 1 writer on process 0, readers spread round-robin, presence on, closed pace 5 ms; throughput: 3 trace writers (one text each) spread over the processes, CPU summed over server processes from /proc',
      txnsPerWriter: txnLimit,
      rows,
      ratios,
      targets,
      met,
    };
  },
} satisfies BenchSuite;
