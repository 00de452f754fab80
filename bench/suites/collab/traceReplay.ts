/**
 * Child process of the throughput suite: replays the automerge-paper editing trace (Martin
 * Kleppmann, automerge-perf, via Joseph Gentle's editing-traces; CC BY 4.0) through an
 * unmodified y-websocket provider, one Yjs update per recorded transaction, while a second
 * provider, the co-author, receives every update the server broadcasts.
 *
 * Two phases. "Paced": the first transactions one per timer tick, so each reaches the server
 * on its own, as keystrokes do, and is stored in its own SQLite transaction. "Saturated": the
 * rest as fast as the server takes them, with at most `window` updates sent but not yet seen
 * by the co-author. Persist-before-broadcast makes "seen by the co-author" mean "stored", so
 * the window bounds the backlog. Without it the whole trace sits in the socket within seconds,
 * and the server's heartbeat drops the writer: its pong waits behind its own unread frames.
 * The parent counts what is stored; this process only sends and says how much it sent.
 *
 * An optional "tail": the last `tailTxns` transactions typed at `tailEveryMs` after the saturated
 * phase, as a person keeps typing, for the durability check (kill -9 right after the co-author
 * has seen the last one: what survives is what the server had stored by then).
 */
import { setTimeout as sleep, setImmediate as yieldToSocket } from 'node:timers/promises';
import * as Y from 'yjs';
import { openClient } from './clients';
import { applyTxn, loadEditingTrace } from './editingTrace';
import { hearFromParent, loadInput, tellParent } from './loadProcess';
import type { CollabTarget } from './wire';

export interface ReplayInput {
  target: CollabTarget;
  /** Root Y.Text the trace is typed into. */
  textName: string;
  pacedTxns: number;
  pacedEveryMs: number;
  /** Most updates the saturated phase keeps in flight (sent, not yet back at the co-author). */
  window: number;
  /** Transactions kept back from the saturated phase and typed one per `tailEveryMs` on 'tail'. */
  tailTxns?: number;
  tailEveryMs?: number;
  /** Replay only the first this many transactions (a quick run); the whole trace by default. */
  txnLimit?: number;
}

export type ReplayUp =
  | { kind: 'ready'; txns: number; writerClientId: number }
  | { kind: 'pacedSent'; updates: number; payloadBytes: number }
  | { kind: 'saturatedStarted' }
  | { kind: 'saturatedSent'; updates: number; payloadBytes: number; sendMs: number; coauthorTextMatches?: boolean }
  | { kind: 'tailSent'; updates: number; coauthorTextMatches: boolean; text: string };

export type ReplayDown = { kind: 'saturate' } | { kind: 'tail' } | { kind: 'finish' };

/** Transactions applied between yields, so the socket drains while the trace is produced. */
const slice = 500;

const input = loadInput<ReplayInput>();
const txns = loadEditingTrace().txns.slice(0, input.txnLimit);
const doc = new Y.Doc();
const text = doc.getText(input.textName);
let updates = 0;
let payloadBytes = 0;
/**
 * The writer's Yjs clock after each of its updates. The co-author's progress is counted against
 * it, not by its own update events: a server may merge several updates into one broadcast
 * (Hocuspocus does when it drains a backlog in one transaction), which would otherwise look
 * like updates that never arrived.
 */
const writerClocks: number[] = [];
// Only the trace's own transactions: the first sync brings the playbook's initial state too.
doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
  if (!transaction.local) return;
  updates += 1;
  payloadBytes += update.byteLength;
  writerClocks.push(Y.getState(doc.store, doc.clientID));
});
const provider = openClient(input.target, doc);
const coauthor = openClient(input.target);
/** Writer updates the co-author holds (a delete-only update counts with the insert before it; the end checks snapshots). */
let received = 0;
let waiter: { limit: number; resolve: () => void } | undefined;
// The co-author types nothing: every update it sees came from the server.
coauthor.doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
  if (transaction.local) return;
  const clock = Y.getState(coauthor.doc.store, doc.clientID);
  while (received < writerClocks.length && (writerClocks[received] as number) <= clock) received += 1;
  if (waiter && updates - received <= waiter.limit) {
    waiter.resolve();
    waiter = undefined;
  }
});
/** Resolves once at most `limit` updates are sent but not yet back at the co-author. */
function inFlightAtMost(limit: number): Promise<void> {
  if (updates - received <= limit) return Promise.resolve();
  return new Promise((resolve) => {
    waiter = { limit, resolve };
  });
}
/** Resolves once the co-author holds exactly what the writer has, deletions included. */
async function coauthorCaughtUp(): Promise<void> {
  await inFlightAtMost(0);
  while (!Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(coauthor.doc))) await sleep(5);
}
// Generous: on a loaded shared machine a server fresh from start-up can take seconds to answer.
await Promise.all([provider.synced(30_000), coauthor.synced(30_000)]);
await tellParent<ReplayUp>({ kind: 'ready', txns: txns.length, writerClientId: doc.clientID });

const tailStart = txns.length - Math.min(input.tailTxns ?? 0, txns.length);
const pacedEnd = Math.min(input.pacedTxns, tailStart);
// With the whole trace typed, the writer's text is the trace's endContent.
const coauthorHasEnd = () => coauthor.doc.getText(input.textName).toString() === text.toString();
for (let i = 0; i < pacedEnd; i += 1) {
  applyTxn(doc, text, txns[i] as EditingTraceTxn);
  await sleep(input.pacedEveryMs);
}
await tellParent<ReplayUp>({ kind: 'pacedSent', updates, payloadBytes });

await hearFromParent<ReplayDown>();
await tellParent<ReplayUp>({ kind: 'saturatedStarted' });
const started = performance.now();
const pacedUpdates = updates;
const pacedBytes = payloadBytes;
for (let i = pacedEnd; i < tailStart; i += 1) {
  applyTxn(doc, text, txns[i] as EditingTraceTxn);
  if (updates - received >= input.window) await inFlightAtMost(input.window / 2);
  else if ((i - pacedEnd) % slice === slice - 1) await yieldToSocket();
}
await coauthorCaughtUp();
await tellParent<ReplayUp>({
  kind: 'saturatedSent',
  updates: updates - pacedUpdates,
  payloadBytes: payloadBytes - pacedBytes,
  sendMs: performance.now() - started,
  coauthorTextMatches: tailStart === txns.length ? coauthorHasEnd() : undefined,
});

if ((await hearFromParent<ReplayDown>()).kind === 'tail') {
  const tailFrom = updates;
  for (let i = tailStart; i < txns.length; i += 1) {
    applyTxn(doc, text, txns[i] as EditingTraceTxn);
    await sleep(input.tailEveryMs ?? 20);
  }
  await coauthorCaughtUp();
  await tellParent<ReplayUp>({
    kind: 'tailSent',
    updates: updates - tailFrom,
    coauthorTextMatches: coauthorHasEnd(),
    text: text.toString(),
  });
  await hearFromParent<ReplayDown>();
}
provider.destroy();
coauthor.destroy();
process.exit(0);

type EditingTraceTxn = Parameters<typeof applyTxn>[2];
