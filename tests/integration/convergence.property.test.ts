import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { destroyAllProviders, eventually, openSyncedProvider, synced } from './helpers/providers';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

type Op =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'set'; client: number; key: string; value: number }
  | { kind: 'toggleConnection'; client: number }
  | { kind: 'pause' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), client: fc.nat(2), at: fc.nat(50), text: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), client: fc.nat(2), at: fc.nat(50), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('set' as const), client: fc.nat(2), key: fc.constantFrom('owner', 'stage', 'sla'), value: fc.nat(100) }),
  fc.record({ kind: fc.constant('toggleConnection' as const), client: fc.nat(2) }),
  fc.constant({ kind: 'pause' as const }),
);

const snapshot = (doc: Y.Doc) => ({ text: doc.getText('notes').toString(), map: doc.getMap('fields').toJSON() });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

describe('convergence under random concurrent edits', () => {
  it('brings 3 clients with random disconnects to one state that survives a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        const id = await server.createPlaybook();
        const clients = await Promise.all([0, 1, 2].map(() => openSyncedProvider(server.wsUrl, id, new Y.Doc())));
        for (const op of ops) {
          if (op.kind === 'pause') {
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          const client = clients[op.client] as (typeof clients)[number];
          const text = client.doc.getText('notes');
          if (op.kind === 'insert') text.insert(Math.min(op.at, text.length), op.text);
          if (op.kind === 'delete' && text.length > 0) {
            const at = Math.min(op.at, text.length - 1);
            text.delete(at, Math.min(op.length, text.length - at));
          }
          if (op.kind === 'set') client.doc.getMap('fields').set(op.key, op.value);
          if (op.kind === 'toggleConnection') {
            if (client.shouldConnect) client.disconnect();
            else client.connect();
          }
        }
        for (const client of clients) if (!client.shouldConnect) client.connect();
        await Promise.all(clients.map((c) => synced(c)));
        const [first, ...rest] = clients.map((c) => c.doc);
        await eventually(
          // Compare structurally: a Y.Map's key order differs between replicas, its content does not.
          () => rest.every((d) => isDeepStrictEqual(snapshot(d), snapshot(first as Y.Doc))),
          10_000,
          'all three clients converged',
        );
        const converged = snapshot(first as Y.Doc);
        destroyAllProviders();

        await server.stop();
        server = await startTestServer({}, server.dataDir);
        const fresh = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
        expect(snapshot(fresh.doc)).toEqual(converged);
        destroyAllProviders();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
