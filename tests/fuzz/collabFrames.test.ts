/**
 * Fuzzes the collaboration socket with y-protocol frames and Yjs updates: real updates of the
 * automerge-paper editing trace (Martin Kleppmann, automerge-perf, via Joseph Gentle's
 * editing-traces; CC BY 4.0) replayed, then flipped, cut, spliced and nested; structures nested
 * thousands deep; fields and top-level types of the wrong kind; mutated awareness updates and state
 * vectors; random frames. Each case gets a fresh playbook holding a page someone else wrote, sends
 * its frames on a bare socket, and then checks what must always hold: the socket was closed, if at
 * all, with a code for bad input (never "internal error" or "could not load"), the server process is
 * alive, the playbook reads over REST and through a fresh y-websocket sync, the other person's page
 * is still there, and /api/health answers. When a case sent only valid updates, every edit it sent
 * must be in the synced document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, it } from 'vitest';
import * as Y from 'yjs';
import { api, createPlaybook } from '../integration/helpers/api';
import { describeMutation, frame, type Mutation, mutate, mutations } from '../integration/helpers/byteMutations';
import { type ChildServer, errorsLogged, startChildServer } from '../integration/helpers/childServer';
import { fuzzSettings } from '../integration/helpers/fuzzSettings';
import { type Closed, openRawSocket } from '../integration/helpers/rawSocket';
import { acceptableCloseCodes, brokenInvariants } from '../integration/helpers/serverInvariants';
import {
  awarenessUpdate,
  type Mistyping,
  mistypedUpdate,
  mistypings,
  type NestShape,
  nestedUpdate,
  nestShapes,
  traceMaterial,
  tracePageText,
} from '../integration/helpers/yjsMaterial';

const settings = fuzzSettings();
const noOutbound = new URL('../integration/helpers/noOutboundConnections.ts', import.meta.url).pathname;
const dataDirs: string[] = [];
/** Transactions of the trace to use: a few hundred keep each case quick; `npm run fuzz` goes further. */
const traceTxns = process.env.FUZZ_RUNS ? 3_000 : 600;
const trace = traceMaterial(traceTxns);
const sources = [...trace.updates.slice(0, 50), awarenessUpdate(), trace.stateVectorAfter(10)];
const sentinel = { id: 'someone-elses-page', title: 'Kept', body: { markdown: 'Written by someone else, before the bad input.' } };

const sync = { step1: 0, step2: 1, update: 2 } as const;
const Message = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

let server: ChildServer;

async function startFuzzServer(): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-fuzz-collab-'));
  dataDirs.push(dataDir);
  // Unload soon after the last client leaves, so the fresh sync often loads the playbook from storage.
  // Per-client rate limits lifted: the replay sends the trace as fast as the socket takes it.
  const unlimited = { WS_MESSAGES_PER_SECOND: '1000000', WS_BYTES_PER_SECOND: '1000000000', MAX_CONNECTIONS_PER_ADDRESS: '100000' };
  return startChildServer(dataDir, { LOG_LEVEL: 'info', UNLOAD_DELAY_MS: '50', ...unlimited }, undefined, {
    imports: [noOutbound],
    startTimeoutMs: 90_000,
  });
}

beforeEach(async () => {
  if (!server?.alive()) server = await startFuzzServer();
}, 120_000);

afterAll(async () => {
  if (server?.alive()) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

console.info(settings.describe(`collaboration frames (first ${traceTxns} transactions of the editing trace)`, 16));

/** Frames to send, what they are, and (when every frame is valid) the page text they must leave. */
interface Case {
  frames: Uint8Array[];
  label: string;
  expectedText?: string;
}

const withLabel = <T extends Case>(c: T): T => Object.assign(c, { [fc.toStringMethod]: () => c.label });
const updateIndex = fc.integer({ min: 0, max: trace.updates.length - 1 });
const merged = (from: number, to: number) => Y.mergeUpdates(trace.updates.slice(from, to + 1));

describe('the collaboration socket, given real, mutated and random frames', () => {
  it(
    'stores every edit of a replayed editing trace, sent one update per frame or merged',
    async () => {
      // One frame per update as a typing client sends them (the first 80), or any prefix merged into one.
      const replays = fc.array(
        fc.oneof(
          fc.record({ upTo: fc.integer({ min: 0, max: 80 }), merge: fc.constant(false), asStep2: fc.constant(false) }),
          fc.record({ upTo: updateIndex, merge: fc.constant(true), asStep2: fc.boolean() }),
        ),
        { minLength: 1, maxLength: 3 },
      );
      await fc.assert(
        fc.asyncProperty(
          replays.map((steps) => {
            const frames = steps.flatMap(({ upTo, merge, asStep2 }) =>
              merge
                ? [frame(Message.sync, asStep2 ? sync.step2 : sync.update, merged(0, upTo))]
                : trace.updates.slice(0, upTo + 1).map((u) => frame(Message.sync, sync.update, u)),
            );
            const upTo = Math.max(...steps.map((s) => s.upTo));
            const label = steps
              .map((s) => `updates 0..${s.upTo}${s.merge ? ` merged as ${s.asStep2 ? 'step 2' : 'an update'}` : ' one per frame'}`)
              .join(', then ');
            return withLabel({ frames, label, expectedText: trace.textAfter(upTo) });
          }),
          runCase,
        ),
        settings.parameters(6),
      );
    },
    budgetMs(6),
  );

  it(
    'closes only the sender of a flipped, cut, spliced or nested trace update, and breaks nothing',
    async () => {
      const cases = fc.record({
        prefix: fc.option(updateIndex, { nil: undefined }),
        target: fc.oneof(
          updateIndex.map((i) => ({ from: i, to: i })),
          fc.tuple(updateIndex, updateIndex).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
        ),
        mutations: fc.array(mutations, { minLength: 1, maxLength: 3 }),
        as: fc.constantFrom('update', 'step2', 'step1', 'awareness', 'whole frame'),
        after: fc.option(updateIndex, { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(
          cases.map((c) => {
            const original = merged(c.target.from, c.target.to);
            const frames: Uint8Array[] = [];
            if (c.prefix !== undefined) frames.push(frame(Message.sync, sync.update, merged(0, c.prefix)));
            if (c.as === 'whole frame') frames.push(applyAll(frame(Message.sync, sync.update, original), c.mutations));
            else {
              const payload = applyAll(original, c.mutations);
              frames.push(
                c.as === 'awareness'
                  ? frame(Message.awareness, undefined, payload)
                  : frame(Message.sync, c.as === 'step1' ? sync.step1 : c.as === 'step2' ? sync.step2 : sync.update, payload),
              );
            }
            // Valid updates after the bad one: a connection that survived must still work.
            if (c.after !== undefined) frames.push(frame(Message.sync, sync.update, merged(0, c.after)));
            const label = `${c.prefix !== undefined ? `updates 0..${c.prefix}, then ` : ''}updates ${c.target.from}..${c.target.to} with ${c.mutations.map(describeMutation).join(' ')} as ${c.as}${c.after !== undefined ? `, then updates 0..${c.after}` : ''}`;
            return withLabel({ frames, label });
          }),
          runCase,
        ),
        settings.parameters(20),
      );
    },
    budgetMs(20),
  );

  it(
    'survives structures nested thousands deep and fields or top-level types of the wrong kind',
    async () => {
      const nested = fc
        .record({
          depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 500, max: 5_000 })),
          shape: fc.constantFrom<NestShape>(...nestShapes),
        })
        .map(({ depth, shape }) => ({ update: () => nestedUpdate(depth, shape), label: `${shape} nested ${depth} deep` }));
      const mistyped = fc.constantFrom<Mistyping>(...mistypings).map((m) => ({ update: () => mistypedUpdate(m), label: m }));
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(fc.array(fc.oneof(nested, mistyped), { minLength: 1, maxLength: 2 }), fc.option(mutations, { nil: undefined }))
            .map(([parts, mutation]) => {
              const frames = parts.map((p, i) => {
                const update = p.update();
                return frame(Message.sync, sync.update, mutation && i === parts.length - 1 ? mutate(update, mutation, sources) : update);
              });
              return withLabel({
                frames,
                label: `${parts.map((p) => p.label).join(', then ')}${mutation ? `, last one with ${describeMutation(mutation)}` : ''}`,
              });
            }),
          runCase,
        ),
        settings.parameters(12),
      );
    },
    budgetMs(12),
  );

  it(
    'closes only the sender of mutated awareness updates, state vectors and random frames, and breaks nothing',
    async () => {
      const awareness = fc
        .tuple(
          fc.array(
            fc.record({
              client: fc.oneof(fc.constant(0x5eed04), fc.nat()),
              state: fc.oneof(
                fc.constant<Record<string, unknown> | null>(null),
                fc.jsonValue({ maxDepth: 3 }).map((v) => ({ user: { name: 'Fuzz' }, v })),
                fc.integer({ min: 1, max: 40_000 }).map((n) => ({ user: { name: 'x'.repeat(n) } })),
              ),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          fc.array(mutations, { maxLength: 2 }),
        )
        .map(([entries, ms]) => {
          const payloads = entries.map((e) => awarenessUpdate(e.client, e.state));
          return {
            frames: payloads.map((p, i) => frame(Message.awareness, undefined, i === payloads.length - 1 ? applyAll(p, ms) : p)),
            label: `${entries.length} awareness updates${ms.length ? ` with ${ms.map(describeMutation).join(' ')}` : ''}`,
          };
        });
      const stateVector = fc.tuple(updateIndex, fc.array(mutations, { maxLength: 3 })).map(([k, ms]) => ({
        frames: [frame(Message.sync, sync.step1, applyAll(trace.stateVectorAfter(k), ms))],
        label: `state vector after update ${k}${ms.length ? ` with ${ms.map(describeMutation).join(' ')}` : ''}`,
      }));
      const random = fc
        .tuple(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 255 })), fc.uint8Array({ maxLength: 300 }))
        .map(([type, rest]) => ({
          frames: [Uint8Array.of(type, ...rest)],
          label: `random frame of type ${type}, ${rest.length + 1} bytes`,
        }));
      const text = fc
        .string({ maxLength: 50 })
        .map((s) => ({ frames: [new TextEncoder().encode(s)], label: `text-like bytes ${JSON.stringify(s)}` }));
      await fc.assert(
        fc.asyncProperty(
          fc
            .array(fc.oneof(awareness, stateVector, random, text), { minLength: 1, maxLength: 4 })
            .map((parts) => withLabel({ frames: parts.flatMap((p) => p.frames), label: parts.map((p) => p.label).join(', then ') })),
          runCase,
        ),
        settings.parameters(16),
      );
    },
    budgetMs(16),
  );
});

function applyAll(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  return ms.reduce((out, m) => mutate(out, m, sources), bytes);
}

async function runCase(c: Case): Promise<void> {
  const playbookId = await createPlaybook(server.url, 'Collaboration fuzz', 'empty');
  const added = await api(server.url, 'POST', `/api/v1/playbooks/${playbookId}/pages`, { item: sentinel });
  if (added.status !== 201) throw new Error(`adding the other person's page failed: ${added.status} ${added.text}`);
  const firstLog = server.logs.length;
  const broken: string[] = [];

  const closed = await sendFrames(playbookId, c.frames);
  if (!acceptableCloseCodes.has(closed.code)) broken.push(`the server closed the socket with ${closed.code} "${closed.reason}"`);
  const acceptedAll = closed.code === 1000 || closed.code === 1005;
  broken.push(
    ...(await brokenInvariants(server, playbookId, {
      checkJson: (playbook) => {
        const page = (playbook.pages as { id: string; title: string }[] | undefined)?.find((p) => p.id === sentinel.id);
        return page?.title === sentinel.title ? undefined : `the page someone else wrote is gone or changed: ${JSON.stringify(page)}`;
      },
      checkDoc: (doc) => {
        if (c.expectedText === undefined || !acceptedAll) return undefined;
        const text = tracePageText(doc);
        return text === c.expectedText
          ? undefined
          : `the trace page holds ${text?.length ?? 'no'} characters, not the ${c.expectedText.length} sent`;
      },
    })),
  );
  if (broken.length > 0) throw new Error(`${broken.join('\n')}${errorsLogged(server, firstLog)}`);
}

/**
 * Sends the frames once the server has joined the socket to the document (its first message),
 * then closes; resolves with how the socket ended. The server handles a socket's frames in order,
 * so once our close is answered every frame before it was handled: no timing is assumed.
 */
async function sendFrames(playbookId: string, frames: Uint8Array[]): Promise<Closed> {
  const raw = await openRawSocket(server.wsUrl, playbookId);
  let serverClosed: Closed | undefined;
  void raw.closed.then((c) => {
    serverClosed = c;
  });
  await Promise.race([until(() => raw.received.length > 0), raw.closed]);
  for (const bytes of frames) {
    if (serverClosed || raw.ws.readyState !== raw.ws.OPEN) break;
    raw.ws.send(bytes, () => {});
  }
  if (raw.ws.readyState === raw.ws.OPEN) raw.ws.close(1000);
  return withTimeout(raw.closed, 60_000, 'the socket to close');
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

function budgetMs(boundedRuns: number): number {
  return 60_000 + settings.runs(boundedRuns) * 20_000;
}
