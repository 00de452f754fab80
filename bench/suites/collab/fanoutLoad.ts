/**
 * Child process of the fan-out suites: one writer and N readers on one room.
 *
 * The writer is a real client (./clients.ts: y-websocket provider, or @hocuspocus/provider for
 * Hocuspocus). Readers are bare `ws` sockets that speak just enough of the protocol (./wire.ts:
 * the dialect's handshake, sync step 1, presence if asked, then listen for updates): 200 full
 * providers would each integrate every update into their own Y.Doc, and that client CPU, all on
 * this process's one event loop, would show up as fan-out latency the server did not cause.
 * Readers only timestamp frames as they arrive; which edit a frame carries is decoded after the
 * run, so decoding is never inside a measured interval. Writer and readers share this clock.
 *
 * Two paces. "closed": one edit in flight, the next `gapMs` after every reader had the last.
 * "open": `editsPerSecond` on a fixed schedule whatever the readers do, as a person types.
 * With `presence`, as in real use: every reader publishes a user state when it joins and renews
 * it every 15 s (y-protocols' renewal interval, at a random phase per reader), and the writer
 * moves its cursor with every edit, so the server fans out an awareness update per edit too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { eventually } from '../../../tests/integration/helpers/providers';
import { openClient } from './clients';
import { loadInput, tellParent } from './loadProcess';
import {
  awarenessFrame,
  type CollabTarget,
  handshakeFrames,
  isSyncStep2,
  isUpdate,
  payloadOf,
  socketUrl,
  syncStep1Frame,
  updateOf,
} from './wire';

export type FanoutPace = { kind: 'closed'; gapMs: number } | { kind: 'open'; editsPerSecond: number };

export interface FanoutInput {
  target: CollabTarget;
  readers: number;
  /** Measured edits; `warmup` more go first and are not counted. */
  edits: number;
  warmup: number;
  pace: FanoutPace;
  /** True for a Yjs server (readers sync and wait for step 2); false for the bare relay. */
  yjsServer: boolean;
  presence: boolean;
  /** Credentials on the readers' upgrades (the writer's are `target.headers`): a viewer's make every reader a read-only connection. */
  readerHeaders?: Record<string, string>;
  /** Where readers connect, taken in turn (servers sharing one database); `target` by default. */
  readerTargets?: CollabTarget[];
}

export interface FanoutOutput {
  /** One sample per reader per measured edit: receive time minus the time the writer made the edit. */
  latenciesMs: number[];
  /** Per measured edit: the time until the last reader had it. */
  lastReaderMs: number[];
  /** Reader-edits that never arrived within the round timeout. */
  lost: number;
  /** Wall time of the edits, and this process's CPU over it as a share of one core: near 1 means the clients, not the server, set the pace. */
  elapsedMs: number;
  clientCpuShare: number;
}

const roundTimeoutMs = 2_000;
/** Joining can be slow on a loaded shared machine; this is only a guard against a hang. */
const joinTimeoutMs = 30_000;
/** y-protocols' Awareness renews the local state this often (outdatedTimeout / 2). */
const presenceRenewMs = 15_000;
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

interface Reader {
  socket: WebSocket;
  /** Update frames received, with their arrival time. */
  frames: { at: number; payload: Uint8Array }[];
  /** The round in which this reader last received an update frame (closed pace). */
  round: number;
  renewTimer?: NodeJS.Timeout;
}

const input = loadInput<FanoutInput>();
const { target } = input;
const totalEdits = input.warmup + input.edits;
let currentRound = -1;
let pending = 0;
let roundDone: (() => void) | undefined;

function publishPresence(reader: Reader, index: number): void {
  const clientId = Math.floor(Math.random() * 2 ** 31);
  const state = { user: { name: `Reader ${index}`, color: `#${(0x100000 + index * 2654435).toString(16).slice(-6)}` } };
  let clock = 0;
  const send = () => {
    if (reader.socket.readyState === WebSocket.OPEN) reader.socket.send(awarenessFrame(target, clientId, clock++, state));
  };
  send();
  const renew = () => {
    send();
    reader.renewTimer = setTimeout(renew, presenceRenewMs);
  };
  reader.renewTimer = setTimeout(renew, Math.random() * presenceRenewMs);
}

function openReader(index: number): Promise<Reader> {
  const targets = input.readerTargets ?? [target];
  const at = targets[index % targets.length] as CollabTarget;
  const socket = new WebSocket(socketUrl(at), { headers: input.readerHeaders ?? at.headers ?? {} });
  const reader: Reader = { socket, frames: [], round: -1 };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reader ${index} did not join within ${joinTimeoutMs} ms`)), joinTimeoutMs);
    socket.once('error', reject);
    socket.on('message', (frame: Buffer) => {
      const payload = payloadOf(target, frame);
      if (!payload) return;
      if (isUpdate(payload)) {
        reader.frames.push({ at: performance.now(), payload });
        if (reader.round !== currentRound) {
          reader.round = currentRound;
          pending -= 1;
          if (pending === 0) roundDone?.();
        }
      } else if (isSyncStep2(payload)) {
        clearTimeout(timer);
        resolve(reader);
      }
    });
    socket.once('open', () => {
      for (const frame of handshakeFrames(target)) socket.send(frame);
      if (input.yjsServer) socket.send(syncStep1Frame(target, emptyStateVector));
      if (input.presence) publishPresence(reader, index);
      if (!input.yjsServer) {
        clearTimeout(timer);
        resolve(reader);
      }
    });
  });
}

/** The `seq` values a writer's update frame carries (see the writer: one Y.Map entry per edit). */
function decodeSeqs(payload: Uint8Array): number[] {
  const seqs: number[] = [];
  for (const struct of Y.decodeUpdate(updateOf(payload)).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) seqs.push(struct.content.arr[0] as number);
  }
  return seqs;
}

const doc = new Y.Doc();
const map = doc.getMap<number>('bench');
const writer = openClient(target, doc);
if (input.yjsServer) await writer.synced(joinTimeoutMs);
else await eventually(() => writer.connected(), joinTimeoutMs, 'writer connected');
if (input.presence) writer.awareness.setLocalState({ user: { name: 'Writer', color: '#d9480f' } });
const readers = await Promise.all(Array.from({ length: input.readers }, (_, index) => openReader(index)));

/** A cursor the size of y-prosemirror's (two relative positions), moved with every edit. */
function cursorAt(seq: number) {
  const position = { type: null, tname: 'default', item: { client: doc.clientID, clock: seq }, assoc: 0 };
  return { anchor: position, head: position };
}

const sentAt: number[] = [];
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (let seq = 0; seq < totalEdits; seq += 1) {
  if (input.pace.kind === 'open') {
    const due = started + (seq * 1000) / input.pace.editsPerSecond;
    const now = performance.now();
    if (due > now) await sleep(due - now);
  }
  currentRound = seq;
  pending = readers.length;
  const arrived = new Promise<void>((resolve) => {
    roundDone = resolve;
  });
  sentAt[seq] = performance.now();
  // The provider sends the update from inside this call (doc 'update' handler, then ws.send).
  map.set('seq', seq);
  if (input.presence) writer.awareness.setLocalStateField('cursor', cursorAt(seq));
  if (input.pace.kind === 'closed') {
    await Promise.race([arrived, sleep(roundTimeoutMs)]);
    roundDone = undefined;
    await sleep(input.pace.gapMs);
  }
}
// Open pace: let the last edits arrive (or time out) before counting.
await eventually(() => readers.every((reader) => reader.frames.length >= totalEdits), roundTimeoutMs).catch(() => undefined);
const elapsedMs = performance.now() - started;
const cpuUsed = process.cpuUsage(cpuBefore);

const latenciesMs: number[] = [];
const lastReaderAt = new Map<number, number>();
let lost = 0;
for (const reader of readers) {
  const seen = new Set<number>();
  for (const { at, payload } of reader.frames) {
    for (const seq of decodeSeqs(payload)) {
      if (seq < input.warmup || seen.has(seq)) continue;
      seen.add(seq);
      const latency = at - (sentAt[seq] as number);
      latenciesMs.push(latency);
      lastReaderAt.set(seq, Math.max(lastReaderAt.get(seq) ?? 0, latency));
    }
  }
  lost += input.edits - seen.size;
}

writer.destroy();
for (const reader of readers) {
  clearTimeout(reader.renewTimer);
  reader.socket.close();
}
await tellParent<FanoutOutput>({
  latenciesMs,
  lastReaderMs: [...lastReaderAt.values()],
  lost,
  elapsedMs,
  clientCpuShare: (cpuUsed.user + cpuUsed.system) / 1000 / elapsedMs,
});
process.exit(0);
