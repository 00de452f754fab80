import { MAX_RICH_TEXT_DEPTH } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';

/** Rich-text nodes (elements and text runs) one update may add: a 100-page paste is about 10,000. */
export const MAX_NODES_PER_UPDATE = 50_000;

type Struct = Y.Item | Y.GC | Y.Skip;

/** The type an item sits in will be garbage-collected on arrival (its neighbour is), so its depth does not matter. */
const COLLECTED = Number.NEGATIVE_INFINITY;

/**
 * Refuses an update that would nest a shared type more than MAX_RICH_TEXT_DEPTH levels below its
 * root type, or add more than MAX_NODES_PER_UPDATE rich-text nodes. Depth is measured in the live
 * document: an update usually adds to types it does not contain (a paragraph inside a page), so
 * each new type's depth is its parent's depth in the document plus the levels the update adds
 * above it. Everything is iterative, and the work is proportional to the update (plus one walk up
 * from each parent it names, which the limit keeps short); an update that creates no type, like
 * typing, costs one pass over its structs.
 */
export function checkNesting(doc: Y.Doc, structs: Struct[]): void {
  let types = 0;
  let nodes = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    types++;
    const type = struct.content.type;
    if (type instanceof Y.XmlElement || type instanceof Y.XmlText || type instanceof Y.XmlHook) nodes++;
  }
  if (types === 0) return;
  if (nodes > MAX_NODES_PER_UPDATE) {
    throw new CloseReason(
      CloseCode.contentTooComplex,
      `This edit adds ${nodes} rich-text nodes; one edit may add at most ${MAX_NODES_PER_UPDATE}. Paste it in parts.`,
    );
  }
  const depths = new UpdateDepths(doc, structs);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    if (depths.parentDepth(struct) + 1 > MAX_RICH_TEXT_DEPTH) {
      throw new CloseReason(
        CloseCode.contentTooComplex,
        `This edit would nest content more than ${MAX_RICH_TEXT_DEPTH} levels deep; that is the limit. Undo the last change.`,
      );
    }
  }
}

/** What an item's parent depth depends on: a known depth, or another item of the update (plus one level when it is the parent). */
type Link = { depth: number } | { on: Y.Item; plus: 0 | 1 };

/** The depth of the type each item of an update sits in, resolved through the update and the live document. */
class UpdateDepths {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly known = new Map<Y.Item, number>();
  private readonly liveDepths = new Map<Y.AbstractType<unknown>, number>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** Levels between the root and the type `item` sits in (0 for a root type); COLLECTED when it will not be kept. */
  parentDepth(item: Y.Item): number {
    // A chain of items each depending on the next (a paragraph inside an element inside …, or a
    // run of siblings): followed with an explicit stack, never by recursion.
    const chain: { item: Y.Item; plus: 0 | 1 }[] = [];
    const onChain = new Set<Y.Item>();
    let current = item;
    let depth: number;
    for (;;) {
      const cached = this.known.get(current);
      if (cached !== undefined) {
        depth = cached;
        break;
      }
      if (onChain.has(current)) throw new CloseReason(CloseCode.invalidPayload, 'Invalid Yjs update: items that contain each other.');
      const link = this.linkOf(current);
      if ('depth' in link) {
        this.known.set(current, link.depth);
        depth = link.depth;
        break;
      }
      onChain.add(current);
      chain.push({ item: current, plus: link.plus });
      current = link.on;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { item: link, plus } = chain[i] as { item: Y.Item; plus: 0 | 1 };
      depth += plus;
      this.known.set(link, depth);
    }
    return depth;
  }

  /** Where Yjs will put the item: in the parent it names, else beside its left (or right) neighbour, as Item.getMissing does. */
  private linkOf(item: Y.Item): Link {
    const parent = item.parent as string | Y.ID | null;
    if (typeof parent === 'string') return { depth: 0 };
    if (parent instanceof Y.ID) {
      const inUpdate = this.inUpdate(parent);
      if (inUpdate)
        return inUpdate instanceof Y.Item && inUpdate.content instanceof Y.ContentType ? { on: inUpdate, plus: 1 } : { depth: COLLECTED };
      const live = this.inDocument(parent);
      return live instanceof Y.Item && live.content instanceof Y.ContentType
        ? { depth: this.typeDepth(live.content.type) }
        : { depth: COLLECTED };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return { depth: COLLECTED };
    const inUpdate = this.inUpdate(neighbour);
    if (inUpdate) return inUpdate instanceof Y.Item ? { on: inUpdate, plus: 0 } : { depth: COLLECTED };
    const live = this.inDocument(neighbour);
    return live instanceof Y.Item ? { depth: this.typeDepth(live.parent as Y.AbstractType<unknown>) } : { depth: COLLECTED };
  }

  /** The item or collected range of the update holding `id`; a skipped range is not content, so it is looked up in the document. */
  private inUpdate(id: Y.ID): Y.Item | Y.GC | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid] as Struct;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct instanceof Y.Skip ? undefined : struct;
    }
    return undefined;
  }

  /** Levels between a live type and its root type, counted up to one past the limit (deeper is deeper). */
  private typeDepth(type: Y.AbstractType<unknown>): number {
    let depth = this.liveDepths.get(type);
    if (depth === undefined) {
      depth = 0;
      for (let item = type._item; item !== null && depth <= MAX_RICH_TEXT_DEPTH; depth++) {
        item = (item.parent as Y.AbstractType<unknown>)._item;
      }
      this.liveDepths.set(type, depth);
    }
    return depth;
  }

  private inDocument(id: Y.ID): Y.Item | Y.GC {
    // Yjs would park such an item until the missing change arrives, and nobody could tell how deep
    // it will sit then. A client only has such a gap after a race between tabs; reconnecting resyncs.
    if (id.clock >= Y.getState(this.doc.store, id.client)) {
      throw new CloseReason(CloseCode.invalidPayload, 'The update depends on changes the server has not received; reconnect to resync.');
    }
    return Y.getItem(this.doc.store, id);
  }
}
