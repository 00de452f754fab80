/**
 * Sustained update throughput with persistence, on real traffic: the automerge-paper editing
 * trace (Martin Kleppmann, automerge-perf, via Joseph Gentle's editing-traces; CC BY 4.0)
 * replayed through the real server by one y-websocket provider in a child process, with a
 * co-author's provider receiving the broadcasts (see ./collab/traceReplay.ts).
 *
 * "Persisted" is counted in SQLite itself: the AUTOINCREMENT high-water mark of
 * document_updates, read through a separate read-only connection. Compaction deletes rows
 * but never lowers that mark, so it is the number of updates ever committed.
 *
 * Peers, on the same update bytes in this process: Yjs applying them with no persistence, and
 * better-sqlite3 appending them with no Yjs, one insert per transaction and 1,000 per transaction.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { destroyAllProviders, openSyncedProvider } from '../../tests/integration/helpers/providers';
import { type BenchSuite, median, round } from '../suite';
import { startBenchServer, type TestServer } from './collab/benchServer';
import { applyTxn, type EditingTrace, loadEditingTrace, traceAttribution } from './collab/editingTrace';
import { LoadProcess } from './collab/loadProcess';
import { writtenBytes, writtenPer } from './collab/processIo';
import { measureSqliteAppends } from './collab/sqliteAppendPeer';
import type { ReplayDown, ReplayInput, ReplayUp } from './collab/traceReplay';

const textName = 'trace';
/** About four seconds of keystrokes arriving one at a time, before the saturated phase. */
const pacedTxns = 2_000;
const pacedEveryMs = 1;
/** Updates in flight in the saturated phase: enough that every socket read brings a full batch. */
const inFlightWindow = 1_000;
/** The saturated phase gives up after this long and reports what it measured (never fails). */
const saturatedDeadlineMs = 75_000;
/** The paced phase is client-bound (about 3 s); this long means updates went missing. */
const pacedDeadlineMs = 30_000;
const pollMs = 20;
const windowMs = 1_000;
/** The issue's target. */
const targetUpdatesPerSecond = 5_000;

type Kind<K extends ReplayUp['kind']> = Extract<ReplayUp, { kind: K }>;

async function nextMessage<K extends ReplayUp['kind']>(load: LoadProcess<ReplayUp, ReplayDown>, kind: K): Promise<Kind<K>> {
  const message = await load.receive();
  if (message.kind !== kind) throw new Error(`expected "${kind}" from the replay process, got "${message.kind}"`);
  return message as Kind<K>;
}

/** Database plus WAL on disk. Not a measure of bytes written: SQLite reuses the WAL after each checkpoint. */
function fileBytes(dataDir: string): number {
  let total = 0;
  for (const name of ['fullcourt.sqlite', 'fullcourt.sqlite-wal']) {
    try {
      total += statSync(join(dataDir, name)).size;
    } catch {
      // The WAL file comes and goes with checkpoints and the last close.
    }
  }
  return total;
}

/** Replays the trace through `server` and measures both phases. */
async function replay(server: TestServer, playbookId: string) {
  const counter = new Database(join(server.dataDir, 'fullcourt.sqlite'), { readonly: true });
  const highWaterMark = counter.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'document_updates'");
  const stored = () => highWaterMark.get()?.seq ?? 0;
  const load = new LoadProcess<ReplayUp, ReplayDown>(new URL('./collab/traceReplay.ts', import.meta.url), {
    target: { dialect: 'y-websocket', wsBase: server.wsUrl, room: playbookId, headers: { cookie: server.ownerCookie } },
    textName,
    pacedTxns,
    pacedEveryMs,
    window: inFlightWindow,
  } satisfies ReplayInput);
  try {
    const { txns } = await nextMessage(load, 'ready');

    const pacedFrom = { at: performance.now(), io: writtenBytes(), stored: stored() };
    const pacedSent = await nextMessage(load, 'pacedSent');
    while (stored() < pacedFrom.stored + pacedSent.updates) {
      if (performance.now() - pacedFrom.at > pacedDeadlineMs) throw new Error('paced updates were not all stored in time');
      await sleep(pollMs);
    }
    const pacedTo = { at: performance.now(), io: writtenBytes(), stored: stored() };

    load.send({ kind: 'saturate' });
    await nextMessage(load, 'saturatedStarted');
    const from = { at: performance.now(), io: writtenBytes(), stored: stored() };
    let sent: Kind<'saturatedSent'> | undefined;
    let loadFailure: unknown;
    nextMessage(load, 'saturatedSent').then(
      (message) => {
        sent = message;
      },
      (error: unknown) => {
        loadFailure = error;
      },
    );
    const windowRates: number[] = [];
    let rateWindow = { at: from.at, stored: from.stored };
    let timedOut = false;
    for (;;) {
      const now = performance.now();
      const count = stored();
      if (now - rateWindow.at >= windowMs) {
        windowRates.push(((count - rateWindow.stored) / (now - rateWindow.at)) * 1000);
        rateWindow = { at: now, stored: count };
      }
      if (loadFailure) throw loadFailure;
      if (sent && count >= from.stored + sent.updates) break;
      if (now - from.at > saturatedDeadlineMs) {
        timedOut = true;
        break;
      }
      await sleep(pollMs);
    }
    const to = { at: performance.now(), io: writtenBytes(), stored: stored(), files: fileBytes(server.dataDir) };
    load.send({ kind: 'finish' });

    const persisted = to.stored - from.stored;
    const pacedPersisted = pacedTo.stored - pacedFrom.stored;
    return {
      txns,
      paced: {
        updates: pacedPersisted,
        updatesPerSecond: Math.round((pacedPersisted / (pacedTo.at - pacedFrom.at)) * 1000),
        payloadBytesPerUpdate: round(pacedSent.payloadBytes / pacedSent.updates),
        writtenPerUpdate: writtenPer(pacedFrom.io, pacedTo.io, pacedPersisted),
      },
      saturated: {
        updates: persisted,
        sent: sent?.updates,
        timedOut,
        seconds: round((to.at - from.at) / 1000),
        updatesPerSecond: Math.round((persisted / (to.at - from.at)) * 1000),
        medianWindowUpdatesPerSecond: Math.round(median(windowRates)),
        slowestWindowUpdatesPerSecond: Math.round(Math.min(...windowRates)),
        clientSendSeconds: sent ? round(sent.sendMs / 1000) : undefined,
        payloadBytesPerUpdate: sent ? round(sent.payloadBytes / sent.updates) : undefined,
        writtenPerUpdate: writtenPer(from.io, to.io, persisted),
        fileBytesAtEnd: to.files,
      },
      coauthorTextMatches: sent?.coauthorTextMatches,
    };
  } finally {
    counter.close();
    await load.stop();
  }
}

/** Reads the playbook back through a fresh provider and compares it with the trace's end. */
async function textMatches(server: TestServer, playbookId: string, expected: string): Promise<boolean> {
  const provider = await openSyncedProvider(server.wsUrl, playbookId);
  try {
    return provider.doc.getText(textName).toString() === expected;
  } finally {
    destroyAllProviders();
  }
}

/** The peers: what Yjs alone and SQLite alone do with the same updates. */
function measurePeers(trace: EditingTrace) {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  const text = source.getText(textName);
  for (const txn of trace.txns) applyTxn(source, text, txn);

  const applyRates: number[] = [];
  for (let pass = 0; pass < 3; pass += 1) {
    const doc = new Y.Doc();
    const started = performance.now();
    for (const update of updates) Y.applyUpdate(doc, update);
    applyRates.push((updates.length / (performance.now() - started)) * 1000);
    doc.destroy();
  }
  return {
    yjsApplyUpdatesPerSecond: Math.round(median(applyRates)),
    sqliteOnePerTransaction: measureSqliteAppends(updates, { batchSize: 1, synchronous: 'NORMAL', maxUpdates: 50_000, maxMs: 4_000 }),
    sqliteBatched: measureSqliteAppends(updates, { batchSize: 1_000, synchronous: 'NORMAL', maxUpdates: updates.length, maxMs: 4_000 }),
  };
}

export default {
  name: 'collab-throughput',
  async run() {
    const trace = loadEditingTrace();
    let server = await startBenchServer();
    const dataDir = server.dataDir;
    let measured: Awaited<ReturnType<typeof replay>>;
    let liveMatch: boolean | undefined;
    let restartMatch: boolean | undefined;
    try {
      const playbookId = await server.createPlaybook('automerge-paper trace');
      measured = await replay(server, playbookId);
      if (!measured.saturated.timedOut) {
        liveMatch = await textMatches(server, playbookId, trace.endContent);
        // Stop flushes and compacts; a fresh server must read the same text back from disk.
        await server.stop();
        server = await startBenchServer(dataDir);
        restartMatch = await textMatches(server, playbookId, trace.endContent);
      }
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const peers = measurePeers(trace);

    const { paced, saturated } = measured;
    const vs = (peer: number) => round(saturated.updatesPerSecond / peer, 3);
    const ratios = {
      serverVsYjsApply: vs(peers.yjsApplyUpdatesPerSecond),
      serverVsSqliteOnePerTransaction: vs(peers.sqliteOnePerTransaction.updatesPerSecond),
      serverVsSqliteBatched: vs(peers.sqliteBatched.updatesPerSecond),
    };
    const targetMet = !saturated.timedOut && saturated.updatesPerSecond >= targetUpdatesPerSecond;

    console.log(`trace: ${traceAttribution}; ${measured.txns} transactions`);
    console.log('what                                   | updates/s | written bytes/update (syscall / disk)');
    const line = (what: string, rate: number | string, written: { syscall: number; storage: number } | undefined) =>
      console.log(`${what.padEnd(38)} | ${String(rate).padStart(9)} | ${written ? `${written.syscall} / ${written.storage}` : 'n/a'}`);
    line(`server, saturated (${saturated.updates})`, saturated.updatesPerSecond, saturated.writtenPerUpdate);
    line('server, saturated, median 1 s window', saturated.medianWindowUpdatesPerSecond, undefined);
    line(`server, paced 1 per ${pacedEveryMs} ms (${paced.updates})`, paced.updatesPerSecond, paced.writtenPerUpdate);
    line('peer: Yjs apply only', peers.yjsApplyUpdatesPerSecond, undefined);
    line(
      'peer: SQLite, 1 insert per transaction',
      peers.sqliteOnePerTransaction.updatesPerSecond,
      peers.sqliteOnePerTransaction.writtenPerUpdate,
    );
    line('peer: SQLite, 1,000 per transaction', peers.sqliteBatched.updatesPerSecond, peers.sqliteBatched.writtenPerUpdate);
    console.log(`update payload: ${saturated.payloadBytesPerUpdate} bytes/update on average`);
    console.log(
      `ratios (server saturated / peer): Yjs apply ${ratios.serverVsYjsApply}, SQLite 1/tx ${ratios.serverVsSqliteOnePerTransaction}, SQLite 1,000/tx ${ratios.serverVsSqliteBatched}`,
    );
    console.log(
      `final text equals endContent: live ${liveMatch ?? 'not checked'}, after restart ${restartMatch ?? 'not checked'}, at the co-author ${measured.coauthorTextMatches ?? 'not checked'}`,
    );
    console.log(
      `target: at least ${targetUpdatesPerSecond} persisted updates/s: ${targetMet ? 'met' : 'NOT met'} (${saturated.updatesPerSecond})`,
    );

    return {
      trace: traceAttribution,
      method: `one y-websocket provider in a child process replays the trace, one update per recorded transaction, at most ${inFlightWindow} in flight, a second provider receiving; persisted = AUTOINCREMENT high-water mark of document_updates; written bytes from /proc/self/io of this process (which hosts the server): syscall = wchar (what SQLite wrote, WAL and checkpoints, plus the broadcasts to the co-author), disk = write_bytes`,
      paced,
      saturated,
      peers,
      ratios,
      finalText: {
        matchesEndContentLive: liveMatch,
        matchesEndContentAfterRestart: restartMatch,
        matchesAtCoauthor: measured.coauthorTextMatches,
      },
      target: { updatesPerSecond: targetUpdatesPerSecond, met: targetMet },
    };
  },
} satisfies BenchSuite;
