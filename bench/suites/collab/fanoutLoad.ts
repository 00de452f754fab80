/**
 * Child process of the fan-out suite: one writer and N readers on one room, edits one at a time.
 *
 * The writer is an unmodified y-websocket provider. Readers are bare `ws` sockets that speak
 * just enough of the protocol (sync step 1, then listen for updates): 200 full providers would
 * each integrate every update into their own Y.Doc, and that client CPU, all on this process's
 * one event loop, would show up as fan-out latency the server did not cause. Readers only
 * timestamp frames as they arrive; which edit a frame carries is decoded after the round, so
 * decoding is never inside a measured interval. Writer and readers share this process's clock.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseMessage, syncStep1Message } from '../../../apps/server/src/collab/messages';
import { eventually, openProvider, synced } from '../../../tests/integration/helpers/providers';
import { loadInput, tellParent } from './loadProcess';

export interface FanoutInput {
  /** The provider connects to `${wsBase}/${room}`; so do the readers. */
  wsBase: string;
  room: string;
  readers: number;
  /** Measured edits; `warmup` more go first and are not counted. */
  edits: number;
  warmup: number;
  /** Pause between one edit reaching every reader and the next edit. */
  gapMs: number;
  /** True for the real server (readers send sync step 1 and wait for step 2); false for the relay. */
  yjsServer: boolean;
  /** Credentials on the writer's upgrade (a session cookie or `Authorization: Bearer`). */
  writerHeaders?: Record<string, string>;
  /** Credentials on the readers' upgrades: a viewer's make every reader a read-only connection. */
  readerHeaders?: Record<string, string>;
}

export interface FanoutOutput {
  /** One sample per reader per measured edit: receive time minus the time the writer made the edit. */
  latenciesMs: number[];
  /** Per measured edit: the time until the last reader had it. */
  lastReaderMs: number[];
  /** Reader-edits that never arrived within the round timeout. */
  lost: number;
}

const roundTimeoutMs = 2_000;
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

interface Reader {
  socket: WebSocket;
  /** Update frames received since the round began, with their arrival time. */
  frames: { at: number; frame: Buffer }[];
  /** The round in which this reader last received an update frame. */
  round: number;
}

const input = loadInput<FanoutInput>();
let currentRound = -1;
let pending = 0;
let roundDone: (() => void) | undefined;

function isUpdateFrame(frame: Buffer): boolean {
  return frame[0] === 0 && frame[1] === 2;
}

function isSyncStep2(frame: Buffer): boolean {
  return frame[0] === 0 && frame[1] === 1;
}

function openReader(): Promise<Reader> {
  const socket = new WebSocket(`${input.wsBase}/${input.room}`, { headers: input.readerHeaders ?? {} });
  const reader: Reader = { socket, frames: [], round: -1 };
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (frame: Buffer) => {
      if (isUpdateFrame(frame)) {
        reader.frames.push({ at: performance.now(), frame });
        if (reader.round !== currentRound) {
          reader.round = currentRound;
          pending -= 1;
          if (pending === 0) roundDone?.();
        }
      } else if (isSyncStep2(frame)) {
        resolve(reader);
      }
    });
    socket.once('open', () => {
      if (input.yjsServer) socket.send(syncStep1Message(emptyStateVector));
      else resolve(reader);
    });
  });
}

/** The `seq` value a writer's update frame carries (see the writer: one Y.Map entry per edit). */
function decodeSeq(frame: Buffer): number | undefined {
  const message = parseMessage(frame);
  if (message.kind !== 'update') return undefined;
  for (const struct of Y.decodeUpdate(message.update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) return struct.content.arr[0] as number;
  }
  return undefined;
}

const doc = new Y.Doc();
const map = doc.getMap<number>('bench');
const writer = openProvider(input.wsBase, input.room, doc, input.writerHeaders ?? {});
if (input.yjsServer) await synced(writer);
else await eventually(() => writer.wsconnected, 5_000, 'writer connected');
const readers = await Promise.all(Array.from({ length: input.readers }, openReader));

const latenciesMs: number[] = [];
const lastReaderMs: number[] = [];
let lost = 0;
for (let seq = 0; seq < input.warmup + input.edits; seq += 1) {
  currentRound = seq;
  pending = readers.length;
  const arrived = new Promise<void>((resolve) => {
    roundDone = resolve;
  });
  const sentAt = performance.now();
  // The provider sends the update from inside this call (doc 'update' handler, then ws.send).
  map.set('seq', seq);
  await Promise.race([arrived, sleep(roundTimeoutMs)]);
  roundDone = undefined;

  const measured = seq >= input.warmup;
  let last = 0;
  for (const reader of readers) {
    const hit = reader.frames.find((f) => decodeSeq(f.frame) === seq);
    reader.frames = [];
    if (!measured) continue;
    if (!hit) {
      lost += 1;
      continue;
    }
    const latency = hit.at - sentAt;
    latenciesMs.push(latency);
    last = Math.max(last, latency);
  }
  if (measured) lastReaderMs.push(last);
  await sleep(input.gapMs);
}

writer.destroy();
for (const reader of readers) reader.socket.close();
await tellParent<FanoutOutput>({ latenciesMs, lastReaderMs, lost });
process.exit(0);
