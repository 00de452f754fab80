import { longestIncreasingRun } from '../ordering/longestIncreasingRun';
import type { Change, SectionName } from './Change';
import { type ChangeMaker, changeMaker, type DiffContext, q } from './context';

/** How one section's items are named and compared. */
export interface SectionSpec<T extends { id: string }> {
  section: SectionName;
  /** Whether the order of items means something to readers (stages do; SLAs do not). */
  ordered: boolean;
  /** The item in a sentence, e.g. "Stage 'Evaluate'"; `side` says which names to use. */
  label(item: T, ctx: DiffContext, side: 'before' | 'after'): string;
  /** The short name used in "after 'Consider'". */
  name(item: T): string;
  /** The sentence for a new item, when "<label> added after '<previous>'" is not the right one. */
  added?(item: T, ctx: DiffContext): string;
  /** Field-level changes of an item present on both sides. */
  fields(before: T, after: T, ctx: DiffContext, make: ChangeMaker): Change[];
}

/**
 * Changes between two versions of a section: items added, removed, moved (relative order changed,
 * found as the items outside a longest run kept in order) and changed field by field.
 */
export function diffCollection<T extends { id: string }>(spec: SectionSpec<T>, before: T[], after: T[], ctx: DiffContext): Change[] {
  const beforeById = new Map(before.map((item, index) => [item.id, { item, index }]));
  const afterIds = new Set(after.map((item) => item.id));
  const moved = spec.ordered ? movedIds(after.flatMap((item) => beforeById.get(item.id)?.index ?? [])) : new Set<number>();
  const changes: Change[] = [];
  after.forEach((item, index) => {
    const make = changeMaker(spec.section, item.id);
    const previous = index > 0 ? after[index - 1] : undefined;
    const where = previous ? `after ${q(spec.name(previous))}` : 'at the start';
    const old = beforeById.get(item.id);
    if (!old) {
      const text = spec.added?.(item, ctx) ?? `${spec.label(item, ctx, 'after')} added${spec.ordered ? ` ${where}` : ''}`;
      changes.push(make('added', [], text, { after: item }));
      return;
    }
    if (moved.has(old.index)) {
      changes.push(make('moved', [], `${spec.label(item, ctx, 'after')} moved ${where}`, { before: old.index, after: index }));
    }
    changes.push(...spec.fields(old.item, item, ctx, make));
  });
  for (const item of before) {
    if (afterIds.has(item.id)) continue;
    changes.push(changeMaker(spec.section, item.id)('removed', [], `${spec.label(item, ctx, 'before')} removed`, { before: item }));
  }
  return changes;
}

/** Old indices (in new order) outside a longest run still in order: the items that were moved. */
function movedIds(oldIndices: number[]): Set<number> {
  const kept = new Set(longestIncreasingRun(oldIndices).map((i) => oldIndices[i] as number));
  return new Set(oldIndices.filter((value) => !kept.has(value)));
}
