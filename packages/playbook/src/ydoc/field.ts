import * as Y from 'yjs';
import type { z } from 'zod';
import { setText } from './textEdit';

/** What a read should include: Tiptap JSON next to Markdown costs time, so it is asked for. */
export interface ReadContext {
  tiptap: boolean;
}

export const markdownOnly: ReadContext = { tiptap: false };

/**
 * How one field of a record is stored in the item's Y.Map. Reads never throw: whatever a peer
 * wrote, a read returns a value of the field's type (a fallback when the stored value is unusable),
 * which is what keeps toJSON parseable under the schema after any merge.
 */
export interface FieldCodec<T> {
  /** `text` and `rich` fields expose their live Y type to editors. */
  readonly kind: 'text' | 'rich' | 'value' | 'list' | 'set' | 'record' | 'group';
  /** The sub-fields of a `group`, so editors can reach e.g. `bant.budget`. */
  readonly children?: Record<string, FieldCodec<unknown>>;
  read(item: Y.Map<unknown>, key: string, context: ReadContext): T;
  /** Writes `value`, touching only what differs, so concurrent edits to other parts survive. */
  write(item: Y.Map<unknown>, key: string, value: T): void;
  /** Why a value that fits the schema still cannot be written (path relative to the field), checked before any write. */
  check?(value: T): { path: string[]; message: string } | undefined;
}

/** The storage of every field of a record except its id (which is the item's key). */
export type Layout<T> = { [K in Exclude<keyof T, 'id'> & string]-?: FieldCodec<T[K]> };

/**
 * A short string stored as Y.Text, so two people typing in it merge per character. `readAs`
 * turns what is stored into what a read returns when some texts are not acceptable (a half-typed
 * URL reads as none).
 */
export function textField(readAs: (stored: string) => string = (stored) => stored): FieldCodec<string> {
  return {
    kind: 'text',
    read(item, key) {
      const stored = item.get(key);
      if (stored instanceof Y.Text) return readAs(stored.toString());
      return readAs(typeof stored === 'string' ? stored : '');
    },
    write(item, key, value) {
      const stored = item.get(key);
      if (stored instanceof Y.Text) setText(stored, value);
      else item.set(key, new Y.Text(value));
    },
  };
}

/** An atomic value (enum, number, date, id, small object): the last writer wins as a whole. */
export function valueField<T>(schema: z.ZodType<T>, fallback: T): FieldCodec<T> {
  return {
    kind: 'value',
    read(item, key) {
      const parsed = schema.safeParse(item.get(key));
      return parsed.success ? parsed.data : fallback;
    },
    write(item, key, value) {
      // Y.Map cannot hold undefined; null is the stored "not set".
      const next = value === undefined ? null : value;
      if (!sameJSON(item.get(key), next)) item.set(key, next);
    },
  };
}

/**
 * A fixed group of fields in a nested Y.Map (e.g. an SLA's follow-up cadence), so a change to
 * the number of attempts and a concurrent change to the window both survive. Writes only the
 * sub-fields present in the value.
 */
export function groupField<T extends object>(layout: Layout<T>): FieldCodec<T> {
  const entries = Object.entries(layout) as [string, FieldCodec<unknown>][];
  return {
    kind: 'group',
    children: layout as Record<string, FieldCodec<unknown>>,
    read(item, key, context) {
      const stored = item.get(key);
      const group = stored instanceof Y.Map ? stored : new Y.Map<unknown>();
      const value: Record<string, unknown> = {};
      for (const [field, codec] of entries) value[field] = codec.read(group, field, context);
      return value as T;
    },
    write(item, key, value) {
      let group = item.get(key);
      if (!(group instanceof Y.Map)) {
        group = new Y.Map<unknown>();
        item.set(key, group);
      }
      const values = value as Record<string, unknown>;
      for (const [field, codec] of entries) {
        if (field in values) codec.write(group as Y.Map<unknown>, field, values[field]);
      }
    },
  };
}

function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
