import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyJSON } from '../json/applyJSON';
import { toJSON } from '../json/toJSON';
import { COLLECTION_PATHS, type CollectionName, type Playbook, type PlaybookInput, PlaybookSchema } from '../records/Playbook';
import { syncAll } from '../testing/peers';
import { FindingSchema } from '../validate/Finding';
import { validate } from '../validate/validate';
import { PlaybookDoc } from './PlaybookDoc';
import type { Position } from './placement';

// Three peers edit the same playbook concurrently and sync in random order. Whatever they do,
// they must converge, a move must never duplicate or lose an item, toJSON must parse, and the
// validator must report rather than throw.

const NAMES: CollectionName[] = ['stages', 'lifecycle', 'slas', 'content', 'personas', 'roles', 'responsibilities', 'metrics', 'pages'];
const TEXT_FIELD: Partial<Record<CollectionName, string>> = {
  stages: 'name',
  lifecycle: 'name',
  content: 'title',
  personas: 'name',
  roles: 'name',
  responsibilities: 'activity',
  metrics: 'period',
  pages: 'title',
};

const base: PlaybookInput = {
  title: 'Base',
  stages: [
    { id: 's1', name: 'Aware' },
    { id: 's2', name: 'Consider' },
    { id: 's3', name: 'Decide' },
  ],
  lifecycle: [
    { id: 'l1', name: 'Lead' },
    { id: 'l2', name: 'MQL' },
    { id: 'l3', name: 'SAL' },
  ],
  slas: [{ id: 'sla1', from: 'l2', to: 'l3', feedback: { reasons: ['Wrong segment'] } }],
  content: [
    { id: 'a1', title: 'Guide', stageIds: ['s1'], personaIds: ['p1'] },
    { id: 'a2', title: 'ROI', stageIds: ['s2'] },
  ],
  personas: [
    { id: 'p1', name: 'CFO' },
    { id: 'p2', name: 'Ops' },
  ],
  roles: [
    { id: 'r1', name: 'Marketing' },
    { id: 'r2', name: 'Sales' },
  ],
  responsibilities: [{ id: 'x1', activity: 'Follow up', raci: { r2: 'A' } }],
  metrics: { periods: [{ id: 'm1', period: '2026-Q1' }] },
  pages: [{ id: 'pg1', title: 'Intro', body: { markdown: 'Hello team.' } }],
};

type Op =
  | { type: 'add'; collection: CollectionName; where: number; label: string }
  | { type: 'edit'; collection: CollectionName; pick: number; label: string }
  | { type: 'move'; collection: CollectionName; pick: number; where: number }
  | { type: 'delete'; collection: CollectionName; pick: number }
  | { type: 'relinkSla'; pick: number; end: 'from' | 'to'; state: number }
  | { type: 'linkAsset'; pick: number; stage: number; persona: number; unlink: boolean }
  | { type: 'raci'; pick: number; role: number; letter: 'R' | 'A' | 'C' | 'I' | null }
  | { type: 'richText'; pick: number; label: string };

type Step = { kind: 'op'; peer: number; op: Op } | { kind: 'sync'; from: number; to: number };

const collection = fc.constantFrom(...NAMES);
const label = fc.string({ minLength: 0, maxLength: 8 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), collection, where: fc.nat(), label }),
  fc.record({ type: fc.constant('edit' as const), collection, pick: fc.nat(), label }),
  fc.record({ type: fc.constant('move' as const), collection, pick: fc.nat(), where: fc.nat() }),
  fc.record({ type: fc.constant('delete' as const), collection, pick: fc.nat() }),
  fc.record({
    type: fc.constant('relinkSla' as const),
    pick: fc.nat(),
    end: fc.constantFrom('from' as const, 'to' as const),
    state: fc.nat(),
  }),
  fc.record({ type: fc.constant('linkAsset' as const), pick: fc.nat(), stage: fc.nat(), persona: fc.nat(), unlink: fc.boolean() }),
  fc.record({
    type: fc.constant('raci' as const),
    pick: fc.nat(),
    role: fc.nat(),
    letter: fc.constantFrom('R' as const, 'A' as const, 'C' as const, 'I' as const, null),
  }),
  fc.record({ type: fc.constant('richText' as const), pick: fc.nat(), label }),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('op' as const), peer: fc.integer({ min: 0, max: 2 }), op: opArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
  },
);

/** What every peer has ever added and deleted, to tell a legitimate absence from a lost item. */
interface Ledger {
  added: Map<CollectionName, Set<string>>;
  deleted: Map<CollectionName, Set<string>>;
  /** Every id ever known per collection, deleted or not: re-links may point at deleted ones. */
  known: Map<CollectionName, string[]>;
}

function at<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

function position(ids: string[], where: number): Position {
  const choices: Position[] = ['start', 'end', { index: where % (ids.length + 1) }];
  const anchor = at(ids, where);
  if (anchor) choices.push({ before: anchor }, { after: anchor });
  return choices[where % choices.length] as Position;
}

let counter = 0;

function run(pb: PlaybookDoc, op: Op, ledger: Ledger): void {
  switch (op.type) {
    case 'add': {
      const id = `n${counter++}`;
      const field = TEXT_FIELD[op.collection];
      const input = field ? { id, [field]: op.label } : { id };
      pb.collection(op.collection).add(input as never, position(pb.collection(op.collection).ids(), op.where));
      ledger.added.get(op.collection)?.add(id);
      ledger.known.get(op.collection)?.push(id);
      return;
    }
    case 'edit': {
      const id = at(pb.collection(op.collection).ids(), op.pick);
      const field = TEXT_FIELD[op.collection];
      if (id && field) pb.collection(op.collection).update(id, { [field]: op.label } as never);
      if (id && op.collection === 'slas') pb.slas.update(id, { followUp: { attempts: op.label.length, window: 'P7D' } });
      return;
    }
    case 'move': {
      const ids = pb.collection(op.collection).ids();
      const id = at(ids, op.pick);
      if (id)
        pb.collection(op.collection).move(
          id,
          position(
            ids.filter((other) => other !== id),
            op.where,
          ),
        );
      return;
    }
    case 'delete': {
      const id = at(pb.collection(op.collection).ids(), op.pick);
      if (!id) return;
      pb.collection(op.collection).delete(id);
      ledger.deleted.get(op.collection)?.add(id);
      return;
    }
    case 'relinkSla': {
      const id = at(pb.slas.ids(), op.pick);
      const state = at(ledger.known.get('lifecycle') ?? [], op.state);
      if (id && state) pb.slas.update(id, { [op.end]: state } as never);
      return;
    }
    case 'linkAsset': {
      const id = at(pb.content.ids(), op.pick);
      const stage = at(ledger.known.get('stages') ?? [], op.stage);
      const persona = at(ledger.known.get('personas') ?? [], op.persona);
      if (!id || !stage || !persona) return;
      if (op.unlink) pb.unlinkAsset(id, { stageId: stage });
      else {
        pb.linkAsset(id, { stageId: stage });
        pb.linkAsset(id, { personaId: persona });
      }
      return;
    }
    case 'raci': {
      const id = at(pb.responsibilities.ids(), op.pick);
      const role = at(ledger.known.get('roles') ?? [], op.role);
      if (id && role) pb.setRaci(id, role, op.letter);
      return;
    }
    case 'richText': {
      const id = at(pb.pages.ids(), op.pick);
      if (id) pb.pages.update(id, { body: { markdown: `Notes ${op.label.replace(/[^a-z ]/gi, '')}\n\n- point` } });
    }
  }
}

function collectionIds(json: Playbook, name: CollectionName): string[] {
  let node: unknown = json;
  for (const key of COLLECTION_PATHS[name]) node = (node as Record<string, unknown>)[key];
  return (node as { id: string }[]).map((item) => item.id);
}

describe('concurrent editing by three peers (property)', () => {
  it('converges, never duplicates or loses an item, always yields schema-valid JSON and findings', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat({ max: 2 }), { minLength: 6, maxLength: 6 }),
        (steps, finalOrder) => {
          const peers = [new PlaybookDoc(), new PlaybookDoc(), new PlaybookDoc()] as const;
          applyJSON(peers[0], base);
          syncAll(...peers.map((p) => p.ydoc));
          const seed = toJSON(peers[0]);
          const ledger: Ledger = { added: new Map(), deleted: new Map(), known: new Map() };
          for (const name of NAMES) {
            ledger.added.set(name, new Set(collectionIds(seed, name)));
            ledger.deleted.set(name, new Set());
            ledger.known.set(name, collectionIds(seed, name));
          }
          for (const step of steps) {
            if (step.kind === 'op') run(peers[step.peer] as PlaybookDoc, step.op, ledger);
            else if (step.from !== step.to) {
              const [from, to] = [peers[step.from] as PlaybookDoc, peers[step.to] as PlaybookDoc];
              Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)));
            }
          }
          // Final exchange in a random peer order; two rounds reach everyone whatever the order.
          const order = finalOrder.map((i) => (peers[i] as PlaybookDoc).ydoc);
          syncAll(...order);
          syncAll(...peers.map((p) => p.ydoc));

          const [a, b, c] = peers.map((p) => toJSON(p));
          expect(b).toEqual(a);
          expect(c).toEqual(a);
          const parsed = PlaybookSchema.safeParse(a);
          expect(parsed.success).toBe(true);
          for (const name of NAMES) {
            const ids = collectionIds(a as Playbook, name);
            expect(new Set(ids).size, `${name} has a duplicate`).toBe(ids.length);
            const alive = [...(ledger.added.get(name) ?? [])].filter((id) => !ledger.deleted.get(name)?.has(id));
            expect([...ids].sort(), `${name} lost or invented an item`).toEqual(alive.sort());
          }
          let findings: unknown[] = [];
          expect(() => {
            findings = validate(a, { today: '2026-11-23' });
          }).not.toThrow();
          for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
