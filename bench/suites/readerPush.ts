/**
 * Readers of a playbook being edited (issue 10, goal 6): 200 reader pages open on a playbook
 * while one writer types at 50 edits/s with presence on, and the server's CPU share (of one
 * core) over a measured window. Fullcourt runs in its own process as `npm run serve` starts it,
 * so the share is the server's alone. Three loads in one run: the writer alone; the writer and
 * 200 readers following the pushed stream (GET /api/playbooks/:id/events, as the reader page's
 * EventSource does); and the writer and 200 readers polling every 2 s with If-None-Match, as
 * the reader page did before. The readers' cost is each load's share minus the writer's alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyJSON, largePlaybook, PlaybookDoc } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { createPlaybook } from '../../tests/integration/helpers/api';
import { eventually } from '../../tests/integration/helpers/providers';
import { type BenchSuite, round } from '../suite';
import { type CollabClient, openClient } from './collab/clients';
import { fullcourt, type RunningPeer } from './peers/peerServers';

const readerCount = 200;
const editsPerSecond = 50;
/** The old reader page's refresh interval. */
const pollIntervalMs = 2_000;
const warmupMs = 3_000;
const measureMs = 10_000;
/** The goal: the readers cost at most this share of one core. */
const goalShare = 0.1;

interface Received {
  frames: number;
  bytes: number;
  requests: number;
  errors: number;
}

interface Load {
  /** What the readers received so far. */
  received(): Received;
  stop(): Promise<void>;
}

/** One writer typing into the description at a fixed pace (open loop), moving its cursor with every key. */
function startWriter(client: CollabClient): { edits(): number; stop(): Promise<void> } {
  const playbook = new PlaybookDoc(client.doc);
  const text = playbook.descriptionText();
  client.awareness.setLocalState({ user: { name: 'Writer', color: '#d9480f' } });
  let running = true;
  let edits = 0;
  const done = (async () => {
    const started = performance.now();
    while (running) {
      const due = started + (edits * 1000) / editsPerSecond;
      const now = performance.now();
      if (due > now) await sleep(due - now);
      client.doc.transact(() => {
        // Keep the text short: typing a line, then clearing it, as someone drafting does.
        if (text.length >= 200) text.delete(0, text.length);
        text.insert(text.length, String.fromCharCode(97 + (edits % 26)));
      });
      const position = Y.createRelativePositionFromTypeIndex(text, text.length);
      client.awareness.setLocalStateField('cursor', { anchor: position, head: position });
      edits += 1;
    }
  })();
  return {
    edits: () => edits,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** 200 readers on the pushed stream; they count frames and bytes, as an EventSource would receive them. */
async function startPushedReaders(server: RunningPeer, playbookId: string): Promise<Load> {
  const controller = new AbortController();
  let frames = 0;
  let bytes = 0;
  let errors = 0;
  let opened = 0;
  const marker = 'event: playbook';
  const readers = Array.from({ length: readerCount }, async () => {
    try {
      const res = await fetch(`${server.httpUrl}/api/playbooks/${playbookId}/events`, {
        headers: { accept: 'text/event-stream', ...server.headers },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        errors += 1;
        return;
      }
      opened += 1;
      const decoder = new TextDecoder();
      for await (const chunk of res.body) {
        bytes += chunk.byteLength;
        // A frame starts its chunk: the server writes each one whole.
        if (decoder.decode(chunk.subarray(0, marker.length)) === marker) frames += 1;
      }
    } catch {
      if (!controller.signal.aborted) errors += 1;
    }
  });
  const started = performance.now();
  await eventually(() => opened + errors >= readerCount, 60_000, 'the readers to open their streams');
  console.log(`  ${readerCount} streams open in ${Math.round(performance.now() - started)} ms`);
  return {
    received: () => ({ frames, bytes, requests: opened, errors }),
    async stop() {
      controller.abort();
      await Promise.all(readers);
    },
  };
}

/** 200 readers polling ?version=live every 2 s with the ETag they last got, spread over the interval. */
async function startPollingReaders(server: RunningPeer, playbookId: string): Promise<Load> {
  let running = true;
  let frames = 0;
  let bytes = 0;
  let requests = 0;
  let errors = 0;
  const url = `${server.httpUrl}/api/playbooks/${playbookId}?version=live`;
  const readers = Array.from({ length: readerCount }, async (_, index) => {
    let etag = '';
    await sleep((index * pollIntervalMs) / readerCount);
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(url, { headers: { ...server.headers, ...(etag ? { 'if-none-match': etag } : {}) } });
        const body = await res.arrayBuffer();
        requests += 1;
        if (res.status === 200) {
          frames += 1;
          bytes += body.byteLength;
          etag = res.headers.get('etag') ?? '';
        } else if (res.status !== 304) errors += 1;
      } catch {
        errors += 1;
      }
      await sleep(Math.max(0, pollIntervalMs - (performance.now() - started)));
    }
  });
  return {
    received: () => ({ frames, bytes, requests, errors }),
    async stop() {
      running = false;
      await Promise.all(readers);
    },
  };
}

const nothing: Received = { frames: 0, bytes: 0, requests: 0, errors: 0 };

/** The server's CPU share of one core over `measureMs`, after `warmupMs` of the same load, and what the readers got meanwhile. */
async function window(server: RunningPeer, load: Load | undefined, edits: () => number) {
  await sleep(warmupMs);
  const from = { at: performance.now(), cpu: server.stats().cpuMicros, got: load?.received() ?? nothing, edits: edits() };
  await sleep(measureMs);
  const to = { at: performance.now(), cpu: server.stats().cpuMicros, got: load?.received() ?? nothing, edits: edits() };
  const seconds = (to.at - from.at) / 1000;
  const per = (key: keyof Received) => (to.got[key] - from.got[key]) / seconds;
  return { share: (to.cpu - from.cpu) / 1_000 / (to.at - from.at), editsPerSecond: (to.edits - from.edits) / seconds, per };
}

async function measure(server: RunningPeer, playbookId: string, readers: 'none' | 'pushed' | 'polling') {
  const writerClient = openClient({ dialect: 'y-websocket', wsBase: server.wsBase, room: playbookId, headers: server.headers });
  await writerClient.synced(30_000);
  const writer = startWriter(writerClient);
  const load =
    readers === 'pushed'
      ? await startPushedReaders(server, playbookId)
      : readers === 'polling'
        ? await startPollingReaders(server, playbookId)
        : undefined;
  const { share, editsPerSecond: editsPerSecondSeen, per } = await window(server, load, writer.edits);
  await load?.stop();
  await writer.stop();
  writerClient.destroy();
  await sleep(500);
  return {
    cpuShareOfOneCore: round(share, 3),
    editsPerSecond: round(editsPerSecondSeen, 1),
    ...(load && {
      copiesPerReaderPerSecond: round(per('frames') / readerCount, 2),
      requestsPerSecond: round(per('requests'), 1),
      megabytesPerSecond: round(per('bytes') / 1e6, 2),
      errors: load.received().errors,
    }),
  };
}

export default {
  name: 'reader-push',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-bench-readers-'));
    const server = await fullcourt.start(dataDir);
    try {
      const starter = await createPlaybook(server.httpUrl, 'Reader bench', 'starter', server.headers ?? {});
      // The large playbook (50 stages, 500 assets), filled in by a client as someone pasting it in would.
      const large = await server.createRoom('Large reader bench');
      const filler = openClient({ dialect: 'y-websocket', wsBase: server.wsBase, room: large, headers: server.headers });
      await filler.synced(30_000);
      applyJSON(filler.doc, { ...largePlaybook(), id: large, title: 'Large reader bench' });
      await sleep(2_000);
      filler.destroy();

      const figures: Record<string, Record<string, unknown>> = {};
      const runs = [
        ['writer alone', starter, 'none'],
        [`writer + ${readerCount} pushed readers`, starter, 'pushed'],
        [`writer + ${readerCount} polling readers (before)`, starter, 'polling'],
        ['large: writer alone', large, 'none'],
        [`large: writer + ${readerCount} pushed readers`, large, 'pushed'],
      ] as const;
      for (const [label, playbookId, readers] of runs) {
        figures[label] = await measure(server, playbookId, readers);
        console.log(`${label.padEnd(42)} ${JSON.stringify(figures[label])}`);
      }
      const share = (label: string) => figures[label]?.cpuShareOfOneCore as number;
      const readersCost = {
        pushed: round(share(`writer + ${readerCount} pushed readers`) - share('writer alone'), 3),
        polling: round(share(`writer + ${readerCount} polling readers (before)`) - share('writer alone'), 3),
        largePushed: round(share(`large: writer + ${readerCount} pushed readers`) - share('large: writer alone'), 3),
      };
      console.log(
        `\n${readerCount} readers at ${editsPerSecond} edits/s cost the server ${readersCost.pushed} of one core pushed ` +
          `(large playbook ${readersCost.largePushed}), ${readersCost.polling} polling; goal at most ${goalShare}`,
      );
      return { readers: readerCount, editsPerSecond, loads: figures, readersCostShareOfOneCore: readersCost, goalShare };
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies BenchSuite;
