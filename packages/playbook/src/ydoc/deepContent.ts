import { MAX_RICH_TEXT_DEPTH } from '@fullcourt/editor-schema';
import * as Y from 'yjs';

// Yjs deletes a shared type by recursing into everything below it (Item.delete → ContentType.delete),
// and garbage-collects it the same way (Item.gc → ContentType.gc): a few thousand levels overflow the
// stack. Content that deep can no longer enter a playbook (the server refuses it), but a document
// stored before that limit may hold some. The helpers here delete and collect such content in steps
// of a bounded number of levels, iteratively, so neither this process nor a peer applying the
// resulting updates recurses deeper than one step.

/**
 * Levels deleted in one step (one transaction): shallow enough for any stack to recurse through, and
 * as deep as that allows, because every transaction also walks from the type it changed up to the
 * root, so pruning a tree d levels deep costs about d²/STEP_LEVELS steps.
 */
const STEP_LEVELS = 512;

/** Deleted types holding more levels than this are left to be collected after the transaction, children first. */
const COLLECT_LEVELS = MAX_RICH_TEXT_DEPTH;

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic in their event type, which nothing here uses.
type SharedType = Y.AbstractType<any>;

/**
 * Calls `visit` for each shared type directly inside `type` (list children and map values). With
 * `withDeleted`, deleted ones not yet collected count too, including values a map key held before:
 * that is what garbage collection walks.
 */
function forEachChild(type: SharedType, withDeleted: boolean, visit: (child: SharedType, item: Y.Item) => void): void {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType && (withDeleted || !item.deleted)) visit(item.content.type, item);
  }
  for (const latest of type._map.values()) {
    for (let item: Y.Item | null = latest; item !== null; item = withDeleted ? item.left : null) {
      if (item.content instanceof Y.ContentType && (withDeleted || !item.deleted)) visit(item.content.type, item);
    }
  }
}

/** Whether shared types nest more than `levels` deep below `type`. Iterative, and stops at the first path that deep. */
export function nestedDeeperThan(type: SharedType, levels: number, withDeleted = false): boolean {
  const stack: [SharedType, number][] = [[type, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [current, depth] = top;
    if (depth > levels) return true;
    forEachChild(current, withDeleted, (child) => stack.push([child, depth + 1]));
  }
  return false;
}

/**
 * Deletes every shared type nested more than `keep` levels below `type`, deepest first, so deleting
 * or rewriting what remains is an ordinary, shallow operation. Outside a transaction every step of
 * STEP_LEVELS levels is its own transaction (one update each, stored and sent in order, so peers
 * never apply a deeper deletion); inside one, the deletions still run bottom-up and the document's
 * garbage collection must be bounded (see boundGarbageCollection). Returns how many types it deleted.
 */
export function pruneTooDeep(type: SharedType, keep = MAX_RICH_TEXT_DEPTH, origin: unknown = null): number {
  const doc = type.doc;
  if (!doc || !nestedDeeperThan(type, keep)) return 0;
  // Pre-order, so every item comes after its parent; `parents` holds the index of the parent item
  // when that one is deleted too, else -1 (the parent stays and is shown the deletion).
  const items: Y.Item[] = [];
  const parents: number[] = [];
  const stack: [SharedType, number, number][] = [[type, 0, -1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [current, depth, index] = top;
    forEachChild(current, false, (child, item) => {
      let childIndex = -1;
      if (depth + 1 > keep) {
        childIndex = items.length;
        items.push(item);
        parents.push(index);
      }
      stack.push([child, depth + 1, childIndex]);
    });
  }
  // Height above the deepest descendant: deleting by ascending height means every item's children
  // are gone before it, so Yjs never recurses.
  const heights = new Array<number>(items.length).fill(0);
  for (let i = items.length - 1; i >= 0; i--) {
    const parent = parents[i] as number;
    if (parent >= 0) heights[parent] = Math.max(heights[parent] as number, (heights[i] as number) + 1);
  }
  const byHeight: number[][] = [];
  heights.forEach((height, i) => {
    const level = byHeight[height];
    if (level) level.push(i);
    else byHeight[height] = [i];
  });
  for (let low = 0; low < byHeight.length; low += STEP_LEVELS) {
    doc.transact((transaction) => {
      for (let height = low; height < Math.min(low + STEP_LEVELS, byHeight.length); height++) {
        for (const i of byHeight[height] ?? []) (items[i] as Y.Item).delete(transaction);
      }
    }, origin);
  }
  // Y.Array and Y.Text cache positions of their children; the items went without going through them.
  for (let i = 0; i < items.length; i++) {
    if (parents[i] !== -1) continue;
    const parent = (items[i] as Y.Item).parent as SharedType;
    if (parent._searchMarker) parent._searchMarker.length = 0;
  }
  return items.length;
}

const bounded = new WeakSet<Y.Doc>();

/**
 * Makes the document's garbage collection safe for deleted content of any depth. Yjs collects the
 * types of a transaction recursively when it ends; one that overflows the stack there leaves the
 * document unable to emit another update (its edits are then neither stored nor sent), and a copy
 * stored with such a deletion cannot be loaded again. Here Yjs' own pass leaves alone the deleted
 * types that hold more than COLLECT_LEVELS levels; they are collected right after the transaction,
 * children before parents, so no collection recurses more than a level or two. Idempotent.
 */
export function boundGarbageCollection(doc: Y.Doc): void {
  if (bounded.has(doc)) return;
  bounded.add(doc);
  const filter = doc.gcFilter;
  const deferred = new Set<Y.Item>();
  doc.gcFilter = (item) => {
    if (item.content instanceof Y.ContentType && nestedDeeperThan(item.content.type, COLLECT_LEVELS, true)) {
      deferred.add(item);
      return false;
    }
    return filter(item);
  };
  doc.on('afterAllTransactions', () => {
    if (deferred.size === 0) return;
    const items = [...deferred];
    deferred.clear();
    collectChildrenFirst(doc, items, filter);
  });
}

/**
 * Garbage-collects deleted items whose subtrees hold each other, each one only after those inside
 * it, then merges what was collected into as few structs as Yjs' own pass would leave.
 */
function collectChildrenFirst(doc: Y.Doc, items: Y.Item[], filter: (item: Y.Item) => boolean): void {
  const inside = new Map<Y.Item, number>(items.map((item) => [item, 0]));
  const parentOf = (item: Y.Item) => ((item.parent as SharedType | null)?._item ?? null) as Y.Item | null;
  for (const item of items) {
    const parent = parentOf(item);
    if (parent && inside.has(parent)) inside.set(parent, (inside.get(parent) as number) + 1);
  }
  const ready = items.filter((item) => inside.get(item) === 0);
  try {
    for (let item = ready.pop(); item; item = ready.pop()) {
      Y.tryGc(deleteSetOf([item]), doc.store, filter);
      const parent = parentOf(item);
      if (!parent || !inside.has(parent)) continue;
      const left = (inside.get(parent) as number) - 1;
      inside.set(parent, left);
      if (left === 0) ready.push(parent);
    }
  } catch {
    // Only a deletion that itself failed half-way (and threw, which the caller sees) leaves a live
    // item under a deleted one; what is not collected yet merely stays in memory.
    return;
  }
  Y.tryGc(deleteSetOf(items), doc.store, () => false);
}

/** The delete set covering these items' ranges, sorted and merged as Yjs expects. */
function deleteSetOf(items: Y.Item[]): ReturnType<typeof Y.createDeleteSet> {
  const ds = Y.createDeleteSet();
  const byClient = new Map<number, { clock: number; len: number }[]>();
  for (const item of items) {
    const ranges = byClient.get(item.id.client);
    const range = { clock: item.id.clock, len: item.length };
    if (ranges) ranges.push(range);
    else byClient.set(item.id.client, [range]);
  }
  for (const [client, ranges] of byClient) {
    ranges.sort((a, b) => a.clock - b.clock);
    const merged: { clock: number; len: number }[] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && last.clock + last.len >= range.clock) last.len = Math.max(last.len, range.clock + range.len - last.clock);
      else merged.push({ ...range });
    }
    // A DeleteSet entry is a plain { clock, len } range; Yjs exports no constructor for one.
    ds.clients.set(client, merged as never);
  }
  return ds;
}
