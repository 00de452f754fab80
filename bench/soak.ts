/**
 * `npm run soak`: many clients edit several playbooks for a long time through the real server in a
 * child process, replaying the automerge-paper editing trace (Martin Kleppmann, automerge-perf, via
 * Joseph Gentle's editing-traces; CC BY 4.0) with presence on. The server samples its RSS, heap and
 * event-loop delay every SOAK_SAMPLE_SECONDS; after the run the soak prints the samples, the memory
 * slope after warm-up and the event-loop p99, then checks that every edit is stored: first live,
 * then after a clean restart, read back from SQLite. Exits non-zero when memory grows 5% or more
 * after warm-up, when the event-loop p99 reaches 50 ms, or when an edit is missing.
 *
 * Settings (environment): SOAK_CLIENTS (200), SOAK_MINUTES (10), SOAK_PLAYBOOKS (4),
 * SOAK_KEYS_PER_SECOND per client (1), SOAK_SAMPLE_SECONDS (10), SOAK_WARMUP_SECONDS (a fifth of
 * the run, at least one sample), SOAK_PROCESSES for the clients (2). `npm run soak -- --quick` (or
 * SOAK_QUICK=1): 20 clients, 2 playbooks, 1 minute, a sample every 5 s. Other variables (limits
 * such as MAX_MESSAGE_BYTES) pass through to the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { createPlaybook } from '../tests/integration/helpers/api';
import { type ChildServer, startChildServer } from '../tests/integration/helpers/childServer';
import { closeProvider, openProvider, synced } from '../tests/integration/helpers/providers';
import type { ClientPage, SoakClientsDown, SoakClientsInput, SoakClientsUp } from './soak/clients';
import { fittedGrowth, mb } from './soak/stats';
import { round } from './suite';
import { traceAttribution } from './suites/collab/editingTrace';
import { LoadProcess } from './suites/collab/loadProcess';

const quick = process.argv.includes('--quick') || process.env.SOAK_QUICK === '1';
const setting = (name: string, standard: number, quickValue: number) => {
  const raw = process.env[name];
  const value = raw === undefined ? (quick ? quickValue : standard) : Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not '${raw}'`);
  return value;
};
const clientCount = Math.round(setting('SOAK_CLIENTS', 200, 20));
const minutes = setting('SOAK_MINUTES', 10, 1);
const playbookCount = Math.round(setting('SOAK_PLAYBOOKS', 4, 2));
const keysPerSecond = setting('SOAK_KEYS_PER_SECOND', 1, 1);
const sampleSeconds = setting('SOAK_SAMPLE_SECONDS', 10, 5);
const warmupSeconds = setting(
  'SOAK_WARMUP_SECONDS',
  Math.max(sampleSeconds, (minutes * 60) / 5),
  Math.max(sampleSeconds, (minutes * 60) / 5),
);
const processCount = Math.min(clientCount, Math.round(setting('SOAK_PROCESSES', 2, 2)));
const targets = { memoryGrowth: 0.05, loopP99Ms: 50 };

interface Sample {
  /** Wall-clock time of the sample (the server's clock is this machine's). */
  time: number;
  rss: number;
  heapUsed: number;
  loop: { p50: number; p99: number; max: number };
  loopSinceWarmup: { p99: number; max: number; count: number };
}

console.log(
  `soak: ${clientCount} clients on ${playbookCount} playbooks for ${minutes} min, ${keysPerSecond} keystroke/s each with presence, ` +
    `a sample every ${sampleSeconds} s, warm-up ${warmupSeconds} s, clients in ${processCount} processes\ntrace: ${traceAttribution}`,
);

const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-soak-'));
const probe = new URL('./soak/serverProbe.ts', import.meta.url).pathname;
const noOutbound = new URL('../tests/integration/helpers/noOutboundConnections.ts', import.meta.url).pathname;
// Every client comes from this one address, where a real team's come from many: room for all of them.
const serverEnv = {
  LOG_LEVEL: 'info',
  SOAK_SAMPLE_MS: String(sampleSeconds * 1_000),
  MAX_CONNECTIONS_PER_ADDRESS: String(clientCount + 50),
};
const failures: string[] = [];
let server: ChildServer | undefined;
let loads: LoadProcess<SoakClientsUp, SoakClientsDown>[] = [];

try {
  server = await startChildServer(dataDir, serverEnv, undefined, { imports: [noOutbound, probe], startTimeoutMs: 90_000 });
  const playbooks: string[] = [];
  for (let i = 0; i < playbookCount; i++) playbooks.push(await createPlaybook(server.url, `Soak playbook ${i + 1}`, 'starter'));
  const assignments = Array.from({ length: clientCount }, (_, index) => ({
    index,
    playbookId: playbooks[index % playbookCount] as string,
  }));
  loads = Array.from(
    { length: processCount },
    (_, p) =>
      new LoadProcess<SoakClientsUp, SoakClientsDown>(new URL('./soak/clients.ts', import.meta.url), {
        wsBase: server?.wsUrl as string,
        headers: { cookie: server?.ownerCookie ?? '' },
        clients: assignments.filter((_, i) => i % processCount === p),
        keysPerSecond,
      } satisfies SoakClientsInput),
  );
  for (const load of loads) await expectKind(load, 'ready', 300_000);
  console.log(`${clientCount} clients connected and synced; typing starts`);

  const firstSample = server.logs.length;
  for (const load of loads) load.send({ kind: 'start' });
  const runMs = minutes * 60_000;
  const started = performance.now();
  const startedWall = Date.now();
  let warm = false;
  while (performance.now() - started < runMs) {
    await sleep(Math.min(sampleSeconds * 1_000, runMs - (performance.now() - started)));
    if (!warm && performance.now() - started >= warmupSeconds * 1_000) {
      warm = true;
      server.process.kill('SIGUSR2');
    }
    if (!server.alive()) throw new Error(`the server exited during the soak; stderr: ${server.stderr().slice(-2_000)}`);
    const progress = await Promise.all(loads.map((l) => ask(l)));
    const keys = progress.reduce((s, p) => s + p.keys, 0);
    const connected = progress.reduce((s, p) => s + p.connected, 0);
    console.log(`  ${Math.round((performance.now() - started) / 1_000)} s: ${keys} keystrokes sent, ${connected}/${clientCount} connected`);
  }
  const done = await Promise.all(loads.map((l) => finish(l)));
  const pages = done.flatMap((d) => d.pages);
  const closes = mergeCounts(done.map((d) => d.closes));
  const runSamples = server.logs.slice(firstSample).filter((l) => l.msg === 'soak sample') as unknown as Sample[];

  // Every edit stored: live first (in-flight edits arrive within the wait), then from SQLite after a clean restart.
  const missingLive = await missingEdits(server.wsUrl, pages, 120_000);
  for (const load of loads) load.send({ kind: 'exit' });
  await Promise.all(loads.map((l) => l.exited));
  loads = [];
  server.process.kill('SIGTERM');
  const exitCode = await server.exited;
  if (exitCode !== 0) failures.push(`the server's clean shutdown exited with ${exitCode}`);
  server = await startChildServer(dataDir, serverEnv, undefined, { imports: [noOutbound], startTimeoutMs: 90_000 });
  const missingStored = await missingEdits(server.wsUrl, pages, 60_000);

  report(runSamples, startedWall, started, pages, closes);
  const totalKeys = pages.reduce((s, p) => s + p.keys, 0);
  console.log(
    `edits: ${totalKeys} keystrokes by ${pages.length} clients; missing live: ${missingLive.length}, missing after restart: ${missingStored.length}`,
  );
  if (missingLive.length > 0) failures.push(`edits missing on the live server: ${missingLive.slice(0, 5).join('; ')}`);
  if (missingStored.length > 0) failures.push(`edits missing after a restart: ${missingStored.slice(0, 5).join('; ')}`);
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  for (const load of loads) await load.stop();
  if (server?.alive()) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\nsoak FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nsoak passed');
process.exit(0);

function report(samples: Sample[], startedWall: number, startedAt: number, pages: ClientPage[], closes: Record<string, number>): void {
  if (samples.length === 0) {
    failures.push('the server printed no samples');
    return;
  }
  /** Seconds since typing started. */
  const at = (s: Sample) => (s.time - startedWall) / 1_000;
  console.log('\n   t (s)   RSS (MB)   heap (MB)   loop p50 (ms)   loop p99 (ms)   loop max (ms)');
  for (const s of samples) {
    console.log(
      `${pad(round(at(s), 0), 8)}${pad(round(mb(s.rss), 1), 11)}${pad(round(mb(s.heapUsed), 1), 12)}${pad(round(s.loop.p50, 1), 16)}${pad(round(s.loop.p99, 1), 16)}${pad(round(s.loop.max, 1), 16)}`,
    );
  }
  // A sample covers the interval before it: only those wholly after the warm-up count.
  const afterWarmup = samples.filter((s) => at(s) - sampleSeconds >= warmupSeconds - 1);
  const rss = fittedGrowth(afterWarmup.map((s) => ({ x: s.time, y: s.rss })));
  const heap = fittedGrowth(afterWarmup.map((s) => ({ x: s.time, y: s.heapUsed })));
  const last = samples[samples.length - 1] as Sample;
  const loopP99 = last.loopSinceWarmup.count > 0 ? last.loopSinceWarmup.p99 : Math.max(...afterWarmup.map((s) => s.loop.p99));
  console.log(
    `\nafter warm-up (${afterWarmup.length} samples): RSS slope ${round(mb(rss.slopePerMinute), 2)} MB/min, growth ${round(rss.growth * 100, 1)}% ` +
      `(target < ${targets.memoryGrowth * 100}%); heap slope ${round(mb(heap.slopePerMinute), 2)} MB/min, growth ${round(heap.growth * 100, 1)}%`,
  );
  console.log(
    `event-loop delay after warm-up: p99 ${round(loopP99, 1)} ms (target < ${targets.loopP99Ms} ms), max ${round(last.loopSinceWarmup.max, 1)} ms`,
  );
  // The machine may be shared: the load around the run says how far to trust the delays.
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => round(l, 1))
      .join(' ')}`,
  );
  console.log(
    `socket closes seen by clients: ${Object.keys(closes).length ? JSON.stringify(closes) : 'none'}; run ${round((performance.now() - startedAt) / 60_000, 1)} min, ${pages.length} pages`,
  );
  if (afterWarmup.length < 2) failures.push('fewer than two samples after warm-up: run longer or sample more often');
  if (rss.growth >= targets.memoryGrowth)
    failures.push(`RSS grew ${round(rss.growth * 100, 1)}% after warm-up (target < ${targets.memoryGrowth * 100}%)`);
  if (loopP99 >= targets.loopP99Ms)
    failures.push(`event-loop p99 ${round(loopP99, 1)} ms after warm-up (target < ${targets.loopP99Ms} ms)`);
}

/** The clients whose page text the server does not hold (polled until `timeoutMs`, as edits may be in flight). */
async function missingEdits(wsUrl: string, pages: ClientPage[], timeoutMs: number): Promise<string[]> {
  const byPlaybook = new Map<string, ClientPage[]>();
  for (const page of pages) byPlaybook.set(page.playbookId, [...(byPlaybook.get(page.playbookId) ?? []), page]);
  const missing: string[] = [];
  for (const [playbookId, expected] of byPlaybook) {
    const provider = openProvider(wsUrl, playbookId, new Y.Doc());
    try {
      await synced(provider, timeoutMs);
      const deadline = performance.now() + timeoutMs;
      let wrong = expected.filter((p) => pageText(provider.doc, p.pageId) !== p.text);
      while (wrong.length > 0 && performance.now() < deadline) {
        await sleep(250);
        wrong = wrong.filter((p) => pageText(provider.doc, p.pageId) !== p.text);
      }
      for (const p of wrong)
        missing.push(`client ${p.index}: stored ${pageText(provider.doc, p.pageId)?.length ?? 'no'} of ${p.text.length} characters`);
    } finally {
      closeProvider(provider);
    }
  }
  return missing;
}

function pageText(doc: Y.Doc, pageId: string): string | undefined {
  const page = doc.getMap('pages').get(pageId);
  const body = page instanceof Y.Map ? page.get('body') : undefined;
  const paragraph = body instanceof Y.XmlFragment ? body.get(0) : undefined;
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  return text instanceof Y.XmlText ? text.toString() : undefined;
}

async function expectKind<K extends SoakClientsUp['kind']>(
  load: LoadProcess<SoakClientsUp, SoakClientsDown>,
  kind: K,
  timeoutMs = 120_000,
) {
  const message = await load.receive(timeoutMs);
  if (message.kind !== kind) throw new Error(`expected '${kind}' from a client process, got '${message.kind}'`);
  return message as Extract<SoakClientsUp, { kind: K }>;
}

async function ask(load: LoadProcess<SoakClientsUp, SoakClientsDown>) {
  load.send({ kind: 'progress' });
  return expectKind(load, 'progress');
}

async function finish(load: LoadProcess<SoakClientsUp, SoakClientsDown>) {
  load.send({ kind: 'finish' });
  return expectKind(load, 'done');
}

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of counts) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width);
}
