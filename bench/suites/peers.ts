/**
 * Peers (issue 10): Fullcourt against Hocuspocus with its SQLite extension and the reference
 * y-websocket server with its LevelDB persistence, each in its own process (./peers/), driven by
 * the same client code (./collab/clients.ts: y-websocket provider, @hocuspocus/provider for
 * Hocuspocus; bare readers through ./collab/wire.ts), on the same workload, in one run:
 *
 * - fresh RSS: each server 2 s after it first answers HTTP, before any client;
 * - fan-out: one writer at 50 edits/s, presence on as in real use, 10, 50 and 200 readers;
 *   runs alternate the peers' order so drift on a shared machine hits them alike;
 * - the automerge-paper trace replayed as fast as each server takes it (./collab/traceReplay.ts),
 *   server CPU per update read from /proc/<pid>/stat over that phase; then the last 2 s of the
 *   trace typed at 50 edits/s, `kill -9` as soon as the co-author has seen the last edit, a
 *   restart on the same data, and a count of what survived (by the writer's Yjs clock);
 * - Yjs alone: CPU per update to apply the same updates to a Y.Doc in this process.
 *
 * `--cpu-prof` also samples each server's CPU through its inspector during the trace replay,
 * writes bench/results/peers-<server>.cpuprofile and prints where the time per update went.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { type BenchOptions, type BenchSuite, median, percentile, round } from '../suite';
import { openClient } from './collab/clients';
import { applyTxn, type EditingTrace, loadEditingTrace, traceAttribution } from './collab/editingTrace';
import type { FanoutInput, FanoutOutput } from './collab/fanoutLoad';
import { LoadProcess } from './collab/loadProcess';
import type { ReplayDown, ReplayInput, ReplayUp } from './collab/traceReplay';
import type { CollabTarget } from './collab/wire';
import { InspectorSession, type ProfileSummary, summarizeProfile } from './peers/cpuProfile';
import { type PeerServer, peerServers, type RunningPeer } from './peers/peerServers';
import { clockAfterEachTxn, survivingTxns } from './peers/survival';

const readerCounts = [10, 50, 200];
const fanoutEdits = 200;
const fanoutWarmup = 20;
const editsPerSecond = 50;
/** Fan-out runs per server and reader count, pooled. */
const fanoutRuns = 2;
const freshSettleMs = 2_000;
const textName = 'trace';
const inFlightWindow = 1_000;
/** The last 2 s of typing before the crash, at the fan-out's 50 edits/s. */
const tailTxns = 100;
const tailEveryMs = 1000 / editsPerSecond;
const saturatedTimeoutMs = 300_000;
const resultsDir = new URL('../results/', import.meta.url);
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

function tempDir(key: string): string {
  return mkdtempSync(join(tmpdir(), `fullcourt-bench-${key}-`));
}

function targetOf(peer: PeerServer, running: RunningPeer, room: string): CollabTarget {
  return { dialect: peer.dialect, wsBase: running.wsBase, room, headers: running.headers };
}

interface Pooled {
  latenciesMs: number[];
  lost: number;
  /** Runs that failed (a hang, a crash): reported, and the other runs still count. */
  errors: string[];
  /** The busiest client process's CPU, as a share of one core: near 1, the clients set the pace, not the server. */
  clientCpuShare: number;
}

async function fanoutRun(input: FanoutInput, into: Pooled): Promise<void> {
  const load = new LoadProcess<FanoutOutput>(new URL('./collab/fanoutLoad.ts', import.meta.url), input);
  try {
    const out = await load.receive();
    into.latenciesMs = into.latenciesMs.concat(out.latenciesMs);
    into.lost += out.lost;
    into.clientCpuShare = Math.max(into.clientCpuShare, out.clientCpuShare);
  } catch (error) {
    into.errors.push(error instanceof Error ? error.message : String(error));
    console.error(`fan-out run at ${input.readers} readers on ${input.target.wsBase} failed:`, error);
  } finally {
    await load.stop();
  }
}

/** Fresh RSS, then the fan-out matrix, with every server up at once (idle ones cost next to nothing). */
async function freshAndFanout(servers: PeerServer[]) {
  const dirs = new Map<PeerServer, string>();
  const running = new Map<PeerServer, RunningPeer>();
  const fresh: Record<string, { rssMiB: number; startMs: number }> = {};
  const fanout: Record<
    string,
    Record<
      number,
      { samples: number; p50Ms: number; p99Ms: number; maxMs: number; lost: number; failedRuns: string[]; clientCpuShare: number }
    >
  > = {};
  try {
    for (const peer of servers) {
      const dir = tempDir(peer.key);
      dirs.set(peer, dir);
      const startedAt = performance.now();
      const server = await peer.start(dir);
      const startMs = Math.round(performance.now() - startedAt);
      running.set(peer, server);
      await sleep(freshSettleMs);
      fresh[peer.key] = { rssMiB: mib(server.stats().rssBytes), startMs };
    }
    for (const readers of readerCounts) {
      const pooled = new Map<PeerServer, Pooled>(
        servers.map((peer) => [peer, { latenciesMs: [], lost: 0, errors: [], clientCpuShare: 0 }]),
      );
      for (let run = 0; run < fanoutRuns; run += 1) {
        const order = run % 2 === 0 ? servers : [...servers].reverse();
        for (const peer of order) {
          const server = running.get(peer) as RunningPeer;
          const room = await server.createRoom(`fan-out ${readers}`);
          await fanoutRun(
            {
              target: targetOf(peer, server, room),
              readers,
              edits: fanoutEdits,
              warmup: fanoutWarmup,
              pace: { kind: 'open', editsPerSecond },
              yjsServer: true,
              presence: true,
            },
            pooled.get(peer) as Pooled,
          );
        }
      }
      for (const [peer, { latenciesMs, lost, errors, clientCpuShare }] of pooled) {
        fanout[peer.key] ??= {};
        (fanout[peer.key] as Record<number, unknown>)[readers] = {
          samples: latenciesMs.length,
          p50Ms: round(percentile(latenciesMs, 50)),
          p99Ms: round(percentile(latenciesMs, 99)),
          maxMs: round(percentile(latenciesMs, 100)),
          lost,
          failedRuns: errors,
          clientCpuShare: round(clientCpuShare),
        };
      }
    }
  } finally {
    await Promise.all([...running.values()].map((server) => server.stop()));
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  }
  return { fresh, fanout };
}

/** The read-back waits this long without a document change and with the server idle. */
const settleWindowMs = 2_000;
/** "Idle": under this share of one core. A server still loading wants a whole core, and gets well over this even on a busy machine. */
const idleCoreShare = 0.05;
const settleTimeoutMs = 180_000;

/**
 * Opens the room with a fresh client and reads what the writer's edits came back as, once the
 * server has settled. The y-websocket server answers the first sync with an empty document and
 * sends what LevelDB holds as one update when it has loaded it all, seconds later for a long
 * trace; so "done" is a document that has stopped changing on a server that has stopped working.
 */
async function readBack(server: RunningPeer, target: CollabTarget, writerClientId: number) {
  const client = openClient(target);
  try {
    await client.synced(30_000);
    let changedAt = performance.now();
    client.doc.on('update', () => {
      changedAt = performance.now();
    });
    const deadline = performance.now() + settleTimeoutMs;
    let window = { at: performance.now(), cpu: server.stats().cpuMicros };
    let idleSince: number | undefined;
    while (performance.now() < deadline) {
      await sleep(250);
      const now = { at: performance.now(), cpu: server.stats().cpuMicros };
      if (now.at - window.at >= 1_000) {
        const idle = (now.cpu - window.cpu) / 1_000 / (now.at - window.at) < idleCoreShare;
        idleSince = idle ? (idleSince ?? window.at) : undefined;
        window = now;
      }
      if (idleSince !== undefined && now.at - idleSince >= settleWindowMs && now.at - changedAt >= settleWindowMs) break;
    }
    return {
      writerClock: Y.getState(client.doc.store, writerClientId),
      text: client.doc.getText(textName).toString(),
      settleMs: Math.round(performance.now() - (deadline - settleTimeoutMs)),
    };
  } finally {
    client.destroy();
  }
}

type Kind<K extends ReplayUp['kind']> = Extract<ReplayUp, { kind: K }>;

async function next<K extends ReplayUp['kind']>(load: LoadProcess<ReplayUp, ReplayDown>, kind: K, timeoutMs?: number): Promise<Kind<K>> {
  const message = await load.receive(timeoutMs);
  if (message.kind !== kind) throw new Error(`expected "${kind}" from the replay process, got "${message.kind}"`);
  return message as Kind<K>;
}

/** Trace replay with CPU per update (and a profile), then the tail, kill -9, restart and count. */
async function traceAndCrash(peer: PeerServer, trace: EditingTrace, clocks: number[], options: BenchOptions) {
  const dir = tempDir(peer.key);
  let server = await peer.start(dir, { inspect: options.cpuProf });
  try {
    const room = await server.createRoom('automerge-paper trace');
    const target = targetOf(peer, server, room);
    const inspector = options.cpuProf && server.inspectorUrl ? await InspectorSession.connect(server.inspectorUrl) : undefined;
    const load = new LoadProcess<ReplayUp, ReplayDown>(new URL('./collab/traceReplay.ts', import.meta.url), {
      target,
      textName,
      pacedTxns: 0,
      pacedEveryMs: 1,
      window: inFlightWindow,
      tailTxns,
      tailEveryMs,
      txnLimit: trace.txns.length,
    } satisfies ReplayInput);
    let saturated: Kind<'saturatedSent'>;
    let tail: Kind<'tailSent'>;
    let writerClientId: number;
    let cpuMicros: number;
    let seconds: number;
    let profile: ProfileSummary | undefined;
    let peakRssBytes: number;
    try {
      ({ writerClientId } = await next(load, 'ready'));
      await next(load, 'pacedSent');
      load.send({ kind: 'saturate' });
      await next(load, 'saturatedStarted');
      await inspector?.startProfiling();
      const from = { at: performance.now(), cpu: server.stats().cpuMicros };
      saturated = await next(load, 'saturatedSent', saturatedTimeoutMs);
      const to = { at: performance.now(), cpu: server.stats().cpuMicros };
      cpuMicros = to.cpu - from.cpu;
      seconds = (to.at - from.at) / 1000;
      if (inspector) {
        const raw = await inspector.stopProfiling();
        const file = new URL(`peers-${peer.key}.cpuprofile`, resultsDir);
        mkdirSync(resultsDir, { recursive: true });
        writeFileSync(file, JSON.stringify(raw));
        profile = summarizeProfile(raw, cpuMicros / saturated.updates, (url) => peer.ownCode.test(url));
        inspector.close();
      }
      load.send({ kind: 'tail' });
      tail = await next(load, 'tailSent');
      peakRssBytes = server.stats().peakRssBytes;
      // The crash: the co-author has just seen the last edit, as a person sees it saved.
      await server.kill9();
    } finally {
      await load.stop();
    }

    const restartedAt = performance.now();
    server = await peer.start(dir);
    const restartMs = Math.round(performance.now() - restartedAt);
    const back = await readBack(server, targetOf(peer, server, room), writerClientId);
    const survived = survivingTxns(clocks, back.writerClock);
    const tailStart = trace.txns.length - tailTxns;
    return {
      saturated: {
        updates: saturated.updates,
        seconds: round(seconds),
        updatesPerSecond: Math.round(saturated.updates / seconds),
        cpuMicrosPerUpdate: round(cpuMicros / saturated.updates, 1),
        serverCoreShare: round(cpuMicros / 1e6 / seconds),
      },
      peakRssMiB: mib(peakRssBytes),
      coauthorTextMatches: tail.coauthorTextMatches,
      crash: {
        restartMs,
        readBackSettledMs: back.settleMs,
        survivedTxns: survived,
        txns: trace.txns.length,
        survivedShare: round(survived / trace.txns.length, 4),
        lastTwoSecondsSurvived: Math.max(0, survived - tailStart),
        lastTwoSecondsTyped: tailTxns,
        textMatchesEnd: back.text === tail.text,
      },
      profile,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Yjs alone: CPU per update to apply the trace's updates to an empty Y.Doc, median of three passes. */
function yjsApplyOnly(trace: EditingTrace) {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  const text = source.getText(textName);
  for (const txn of trace.txns) applyTxn(source, text, txn);
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass += 1) {
    const doc = new Y.Doc();
    const before = process.cpuUsage();
    for (const update of updates) Y.applyUpdate(doc, update);
    const used = process.cpuUsage(before);
    passes.push((used.user + used.system) / updates.length);
    doc.destroy();
  }
  return { updates: updates.length, cpuMicrosPerUpdate: round(median(passes), 2) };
}

function printProfile(label: string, profile: ProfileSummary) {
  const print = (rows: ProfileSummary['byArea']) => {
    for (const row of rows)
      console.log(`  ${String(row.microsPerUpdate).padStart(7)} µs  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.what}`);
  };
  console.log(`\n${label}: ${profile.busyMs} ms busy of ${profile.sampledMs} ms sampled; µs of CPU per update (share of samples)`);
  console.log('  self time by area:');
  print(profile.byArea);
  console.log('  its own functions, inclusive (self plus callees):');
  print(profile.ownInclusive);
  console.log('  top functions, self:');
  print(profile.topFunctions);
}

export default {
  name: 'peers',
  async run(options) {
    const full = loadEditingTrace();
    const trace = { ...full, txns: full.txns.slice(0, options.traceTxns) };
    const clocks = clockAfterEachTxn(trace);
    const unknownPeers = (options.peers ?? []).filter((key) => !peerServers.some((peer) => peer.key === key));
    if (unknownPeers.length > 0)
      throw new Error(`unknown peer(s): ${unknownPeers.join(' ')} (known: ${peerServers.map((p) => p.key).join(' ')})`);
    const servers = options.peers ? peerServers.filter((peer) => options.peers?.includes(peer.key)) : peerServers;
    const { fresh, fanout } = await freshAndFanout(servers);
    const replay: Record<string, Awaited<ReturnType<typeof traceAndCrash>> | { error: string }> = {};
    for (const peer of servers) {
      try {
        replay[peer.key] = await traceAndCrash(peer, trace, clocks, options);
      } catch (error) {
        // One peer failing must not cost the others' figures.
        replay[peer.key] = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
        console.error(`${peer.label} trace replay failed:`, error);
      }
    }
    const yjsAlone = yjsApplyOnly(trace);

    const ok = (key: string) => {
      const r = replay[key];
      return r && !('error' in r) ? r : undefined;
    };
    const cells = (figure: (key: string) => string) => servers.map((peer) => figure(peer.key));
    const rows: [string, string[], string][] = [
      [
        'server CPU per trace update',
        cells((k) => `${ok(k)?.saturated.cpuMicrosPerUpdate ?? '?'} µs`),
        `${yjsAlone.cpuMicrosPerUpdate} µs (apply only)`,
      ],
      ['fresh RSS', cells((k) => `${fresh[k]?.rssMiB} MiB`), ''],
      [
        `fan-out p99 at ${readerCounts.join(' / ')} readers`,
        cells((k) => `${readerCounts.map((n) => fanout[k]?.[n]?.p99Ms).join(' / ')} ms`),
        '',
      ],
      [
        // Deliveries that never came within 2 s are not in the p99 above: a server that falls behind shows here.
        'fan-out deliveries lost, same runs',
        cells((k) => readerCounts.map((n) => `${fanout[k]?.[n]?.lost}/${n * fanoutEdits * fanoutRuns}`).join(' / ')),
        '',
      ],
      ['trace replay, saturated', cells((k) => `${ok(k)?.saturated.updatesPerSecond ?? '?'} updates/s`), ''],
      [
        'kill -9 after the trace: survived',
        cells((k) => {
          const crash = ok(k)?.crash;
          return crash
            ? `${round(crash.survivedShare * 100, 1)}%, last 2 s ${crash.lastTwoSecondsSurvived}/${crash.lastTwoSecondsTyped}`
            : '?';
        }),
        '',
      ],
      ['peak RSS during the trace', cells((k) => `${ok(k)?.peakRssMiB ?? '?'} MiB`), ''],
    ];
    const headers = ['figure', ...servers.map((peer) => peer.label), 'Yjs alone'];
    const table = rows.map(([figure, values, yjs]) => [figure, ...values, yjs]);
    const widths = headers.map((header, i) => Math.max(header.length, ...table.map((row) => (row[i] as string).length)));
    const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
    console.log(`trace: ${traceAttribution}; ${trace.txns.length} transactions`);
    console.log(line(headers));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of table) console.log(line(row));

    // The goals 2 to 4, as ratios to peers measured in this same run.
    const at200 = (key: string) => fanout[key]?.[200]?.p99Ms ?? Number.NaN;
    const bestPeerP99 = Math.min(...servers.filter((p) => p.key !== 'fullcourt').map((p) => at200(p.key)));
    const cpu = (key: string) => ok(key)?.saturated.cpuMicrosPerUpdate ?? Number.NaN;
    const rss = (key: string) => fresh[key]?.rssMiB ?? Number.NaN;
    const goals = {
      cpuPerUpdateVsHocuspocus: { ratio: round(cpu('fullcourt') / cpu('hocuspocus')), atMost: 1 },
      freshRssVsHocuspocus: { ratio: round(rss('fullcourt') / rss('hocuspocus')), atMost: 1.25 },
      fanoutP99At200VsBestPeer: { ratio: round(at200('fullcourt') / bestPeerP99), atMost: 1.1 },
    };
    for (const [name, goal] of Object.entries(goals)) {
      const verdict = Number.isNaN(goal.ratio) ? 'not measured' : goal.ratio <= goal.atMost ? 'met' : 'NOT met';
      console.log(`goal ${name}: ${goal.ratio} (at most ${goal.atMost}): ${verdict}`);
    }
    if (options.cpuProf) {
      for (const peer of servers) {
        const profile = ok(peer.key)?.profile;
        if (profile) printProfile(`${peer.label} (bench/results/peers-${peer.key}.cpuprofile)`, profile);
      }
      console.log('\n(CPU figures above are from a profiled run: sampling adds its own cost.)');
    }

    return {
      method:
        'each server in its own process on 127.0.0.1, clients in child processes: y-websocket provider (Fullcourt, y-websocket-server) or @hocuspocus/provider (Hocuspocus); fan-out readers are bare sockets speaking each dialect; CPU from /proc/<pid>/stat over the saturated replay; fresh RSS = VmRSS 2 s after the server first answers; survived = trace transactions whose inserts are within the writer clock read back after kill -9 and restart',
      trace: traceAttribution,
      peers: Object.fromEntries(servers.map((peer) => [peer.key, peer.label])),
      fanout: { editsPerSecond, editsPerRun: fanoutEdits, runsPerServer: fanoutRuns, presence: true, byServer: fanout },
      fresh,
      replay,
      yjsAlone,
      goals,
      profiled: options.cpuProf,
      traceTxns: trace.txns.length,
    };
  },
} satisfies BenchSuite;
