import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import { checkNesting } from './nestingGuard';

/** A client's update, decoded: its structs and the ranges it deletes. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type Struct = DecodedUpdate['structs'][number];

const needsResync = () =>
  new CloseReason(CloseCode.invalidPayload, 'The update depends on changes the server has not received; reconnect to resync.');
const invalid = (why: string) => new CloseReason(CloseCode.invalidPayload, `Invalid Yjs update: ${why}`);

/**
 * Checks a client's update against `doc` before it is applied, so that bytes which do not parse,
 * or which Yjs would stop integrating half-way, never reach the shared document. It costs one
 * decode of the update and a pass over its structs (the work is proportional to the update, which
 * MAX_MESSAGE_BYTES bounds) and allocates no document. Returns the decoded update for the steps that follow.
 *
 * Why this suffices. `Y.applyUpdate` first reads every struct of the update (with the same readers
 * `Y.decodeUpdate` uses, which is stricter about struct kinds), then integrates them one by one, then
 * applies the delete set; a throw after the first struct is integrated leaves the document half-changed,
 * and Yjs commits that half. Parsing is checked here by decoding; integration only throws on an item
 * whose origin, right origin or parent is a change Yjs assumes it has but does not find, and it assumes
 * so exactly when the reference is to the item's own client (for another client it checks, and parks the
 * item as pending). A real change can only name changes that existed when it was made, so every reference
 * to the own client must come before the item; with that, and with no gap before the update's first
 * change of each client (see below), what Yjs looks up is in the document or integrated just before.
 * Structs of length zero and a client listed twice (Yjs never writes either, and would keep only the
 * second list) are refused as well. The delete set cannot fail to apply once decoded.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): DecodedUpdate {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw invalid((error as Error).message);
  }
  // Before anything else looks at the document: the bytes of a deep tree are few.
  checkNesting(doc, decoded.structs);
  checkStructure(doc, decoded.structs);
  return decoded;
}

/** See checkUpdate: references to the own client point back, nothing is empty, each client's structs come in one run, no gaps or holes. */
function checkStructure(doc: Y.Doc, structs: Struct[]): void {
  let client = -1;
  const seen = new Set<number>();
  for (const struct of structs) {
    const { id } = struct;
    if (id.client !== client) {
      client = id.client;
      if (seen.has(client)) throw invalid('a client is listed twice.');
      seen.add(client);
      checkNoGap(doc, client, id.clock);
    }
    if (struct.length <= 0) throw invalid('a change of no length.');
    // A hole inside the update: what follows it would be held as pending, like a gap before it.
    if (struct instanceof Y.Skip) throw needsResync();
    if (!(struct instanceof Y.Item)) continue;
    const { origin, rightOrigin, parent } = struct;
    if (
      (origin !== null && origin.client === client && origin.clock >= id.clock) ||
      (rightOrigin !== null && rightOrigin.client === client && rightOrigin.clock >= id.clock) ||
      (parent instanceof Y.ID && parent.client === client && parent.clock >= id.clock)
    ) {
      throw invalid('a change refers to a later change of its own client.');
    }
  }
}

/**
 * Refuses an update that starts past what the document has from some client. Yjs would park it
 * as pending: invisible to the size limit, yet sent to every new client and kept by compaction,
 * so a crafted one could grow without bound. A real client only has such a gap after a race
 * between tabs; reconnecting resyncs it with a full diff.
 */
function checkNoGap(doc: Y.Doc, client: number, firstClock: number): void {
  if (firstClock > Y.getState(doc.store, client)) throw needsResync();
}

/** Checks a client's state vector the same way before it is used to compute a reply. */
export function checkStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw new CloseReason(CloseCode.invalidPayload, `Invalid state vector: ${(error as Error).message}`);
  }
}
