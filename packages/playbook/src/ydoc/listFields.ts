import * as Y from 'yjs';
import type { z } from 'zod';
import { isId } from '../records/id';
import type { FieldCodec } from './field';
import { setText } from './textEdit';

/**
 * A list of short lines (entry criteria, plays, rejection reasons) as a Y.Array of Y.Text: each
 * line merges per character, and adding or removing one line leaves the others untouched.
 */
export function textListField(): FieldCodec<string[]> {
  return {
    kind: 'list',
    read(item, key) {
      const stored = item.get(key);
      if (!(stored instanceof Y.Array)) return [];
      const lines: string[] = [];
      for (const entry of stored.toArray()) {
        if (entry instanceof Y.Text) lines.push(entry.toString());
        else if (typeof entry === 'string') lines.push(entry);
      }
      return lines;
    },
    write(item, key, value) {
      let list = item.get(key);
      if (!(list instanceof Y.Array)) {
        list = new Y.Array<Y.Text>();
        item.set(key, list);
      }
      writeLines(list as Y.Array<unknown>, value);
    },
  };
}

function writeLines(list: Y.Array<unknown>, next: string[]): void {
  const current = list.toArray().map((entry) => (entry instanceof Y.Text ? entry : null));
  const text = (i: number) => current[i]?.toString();
  // Keep the common head and tail as they are, so one inserted or removed line touches only itself.
  let head = 0;
  while (head < current.length && head < next.length && text(head) === next[head]) head++;
  let tail = 0;
  while (tail < current.length - head && tail < next.length - head && text(current.length - 1 - tail) === next[next.length - 1 - tail]) {
    tail++;
  }
  const oldMiddle = current.length - head - tail;
  const newMiddle = next.length - head - tail;
  const shared = Math.min(oldMiddle, newMiddle);
  for (let i = 0; i < shared; i++) {
    const existing = current[head + i];
    const line = next[head + i] as string;
    if (existing) setText(existing, line);
    else {
      list.delete(head + i, 1);
      list.insert(head + i, [new Y.Text(line)]);
    }
  }
  if (oldMiddle > newMiddle) list.delete(head + shared, oldMiddle - newMiddle);
  if (newMiddle > oldMiddle) {
    list.insert(
      head + shared,
      next.slice(head + shared, head + newMiddle).map((line) => new Y.Text(line)),
    );
  }
}

/**
 * A set of ids (an asset's stages or personas) as a Y.Map from id to `true`: two people linking
 * different stages at once both count, and re-linking is idempotent. Read sorted, for stable JSON.
 */
export function idSetField<S extends z.ZodType<string>>(schema: S): FieldCodec<z.output<S>[]> {
  type T = z.output<S>;
  return {
    kind: 'set',
    read(item, key) {
      const stored = item.get(key);
      if (!(stored instanceof Y.Map)) return [];
      return [...stored.keys()].filter(isId).sort() as T[];
    },
    write(item, key, value) {
      const set = mapAt(item, key);
      const wanted = new Set<string>(value.map((id) => schema.parse(id)));
      for (const id of [...set.keys()]) if (!wanted.has(id)) set.delete(id);
      for (const id of wanted) if (!set.has(id)) set.set(id, true);
    },
  };
}

/**
 * A map from id to a small value (a responsibility's RACI letter per role) as a Y.Map: letters
 * for different roles merge; concurrent letters for the same role settle on one.
 */
export function idRecordField<KS extends z.ZodType<string>, VS extends z.ZodType>(
  keySchema: KS,
  valueSchema: VS,
): FieldCodec<Record<z.output<KS>, z.output<VS>>> {
  type K = z.output<KS>;
  type V = z.output<VS>;
  return {
    kind: 'record',
    read(item, key) {
      const stored = item.get(key);
      const record = {} as Record<K, V>;
      if (!(stored instanceof Y.Map)) return record;
      for (const id of [...stored.keys()].filter(isId).sort()) {
        const parsed = valueSchema.safeParse(stored.get(id));
        if (parsed.success) record[id as K] = parsed.data;
      }
      return record;
    },
    write(item, key, value) {
      const map = mapAt(item, key);
      for (const id of [...map.keys()]) if (!(id in value)) map.delete(id);
      for (const [id, held] of Object.entries(value) as [K, V][]) {
        keySchema.parse(id);
        if (map.get(id) !== held) map.set(id, held);
      }
    },
  };
}

/** The nested Y.Map at `key`, created when an older item lacks it. */
export function mapAt(item: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const stored = item.get(key);
  if (stored instanceof Y.Map) return stored;
  const created = new Y.Map<unknown>();
  item.set(key, created);
  return created;
}
