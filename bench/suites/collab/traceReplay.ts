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
 */
import { setTimeout as sleep, setImmediate as yieldToSocket } from 'node:timers/promises';
import * as Y from 'yjs';
import { openProvider, synced } from '../../../tests/integration/helpers/providers';
import { applyTxn, loadEditingTrace } from './editingTrace';
import { hearFromParent, loadInput, tellParent } from './loadProcess';

export interface ReplayInput {
  /** Credentials on the upgrade (the owner's session cookie). */
  headers?: Record<string, string>;
  wsBase: string;
  room: string;
  /** Root Y.Text the trace is typed into. */
  textName: string;
  pacedTxns: number;
  pacedEveryMs: number;
  /** Most updates the saturated phase keeps in flight (sent, not yet back at the co-author). */
  window: number;
}

export type ReplayUp =
  | { kind: 'ready'; txns: number }
  | { kind: 'pacedSent'; updates: number; payloadBytes: number }
  | { kind: 'saturatedStarted' }
  | { kind: 'saturatedSent'; updates: number; payloadBytes: number; sendMs: number; coauthorTextMatches: boolean };

export type ReplayDown = { kind: 'saturate' } | { kind: 'finish' };

/** Transactions applied between yields, so the socket drains while the trace is produced. */
const slice = 500;

const input = loadInput<ReplayInput>();
const trace = loadEditingTrace();
const doc = new Y.Doc();
const text = doc.getText(input.textName);
let updates = 0;
let payloadBytes = 0;
// Only the trace's own transactions: the first sync brings the playbook's initial state too.
doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
  if (!transaction.local) return;
  updates += 1;
  payloadBytes += update.byteLength;
});
const provider = openProvider(input.wsBase, input.room, doc, input.headers ?? {});
const coauthor = openProvider(input.wsBase, input.room, undefined, input.headers ?? {});
let received = 0;
let waiter: { limit: number; resolve: () => void } | undefined;
coauthor.doc.on('update', (_update: Uint8Array, origin: unknown) => {
  if (origin !== coauthor) return;
  received += 1;
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
await Promise.all([synced(provider), synced(coauthor)]);
// The co-author's first sync is the playbook as created, not one of the trace's updates.
received = 0;
await tellParent<ReplayUp>({ kind: 'ready', txns: trace.txns.length });

const pacedEnd = Math.min(input.pacedTxns, trace.txns.length);
for (let i = 0; i < pacedEnd; i += 1) {
  applyTxn(doc, text, trace.txns[i] as EditingTraceTxn);
  await sleep(input.pacedEveryMs);
}
await tellParent<ReplayUp>({ kind: 'pacedSent', updates, payloadBytes });

await hearFromParent<ReplayDown>();
await tellParent<ReplayUp>({ kind: 'saturatedStarted' });
const started = performance.now();
const pacedUpdates = updates;
const pacedBytes = payloadBytes;
for (let i = pacedEnd; i < trace.txns.length; i += 1) {
  applyTxn(doc, text, trace.txns[i] as EditingTraceTxn);
  if (updates - received >= input.window) await inFlightAtMost(input.window / 2);
  else if ((i - pacedEnd) % slice === slice - 1) await yieldToSocket();
}
await inFlightAtMost(0);
await tellParent<ReplayUp>({
  kind: 'saturatedSent',
  updates: updates - pacedUpdates,
  payloadBytes: payloadBytes - pacedBytes,
  sendMs: performance.now() - started,
  coauthorTextMatches: coauthor.doc.getText(input.textName).toString() === trace.endContent,
});

await hearFromParent<ReplayDown>();
provider.destroy();
coauthor.destroy();
process.exit(0);

type EditingTraceTxn = Parameters<typeof applyTxn>[2];
