import * as Y from 'yjs';
import { type FieldCodec, markdownOnly } from './field';
import { mapAt } from './listFields';

/**
 * The shared type behind a `text` or `rich` field of an item, reached by a dotted path through
 * groups (`bant.budget`); undefined when the path names no such field. Runs inside `transact`
 * because an item written by an older client may lack the shared type, which is then created.
 */
export function liveField(
  item: Y.Map<unknown>,
  fields: Record<string, FieldCodec<unknown>>,
  path: string,
  kind: 'text' | 'rich',
): Y.AbstractType<unknown> | undefined {
  let container = item;
  let codecs: Record<string, FieldCodec<unknown>> | undefined = fields;
  const keys = path.split('.');
  for (const [depth, key] of keys.entries()) {
    const codec: FieldCodec<unknown> | undefined = codecs?.[key];
    if (!codec) return undefined;
    if (depth === keys.length - 1) {
      if (codec.kind !== kind) return undefined;
      if (!(container.get(key) instanceof Y.AbstractType)) codec.write(container, key, codec.read(container, key, markdownOnly));
      return container.get(key) as Y.AbstractType<unknown>;
    }
    if (codec.kind !== 'group') return undefined;
    container = mapAt(container, key);
    codecs = codec.children;
  }
  return undefined;
}
