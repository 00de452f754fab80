import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import { checkNesting } from './nestingGuard';

/** A client's update, decoded: its structs and the ranges it deletes. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Decodes a client's update, checks how deep what it adds would sit in `doc` (see checkNesting),
 * then integrates it into a throw-away document, so that bytes which do not parse or integrate
 * never reach the shared document. The cost is proportional to the update, not to the document;
 * frame size (MAX_MESSAGE_BYTES) bounds it. Returns the decoded update for the steps that follow.
 */
export function checkUpdateInIsolation(doc: Y.Doc, update: Uint8Array): DecodedUpdate {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new CloseReason(CloseCode.invalidPayload, `Invalid Yjs update: ${(error as Error).message}`);
  }
  // Before integrating anything, even into the scratch document: the bytes of a deep tree are few.
  checkNesting(doc, decoded.structs);
  // A fixed guid: generating a random one per update cost more than the check itself.
  const scratch = new Y.Doc({ gc: true, guid: 'update-check' });
  try {
    Y.applyUpdate(scratch, update);
  } catch (error) {
    throw new CloseReason(CloseCode.invalidPayload, `Invalid Yjs update: ${(error as Error).message}`);
  } finally {
    scratch.destroy();
  }
  return decoded;
}

/** Checks a client's state vector the same way before it is used to compute a reply. */
export function checkStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw new CloseReason(CloseCode.invalidPayload, `Invalid state vector: ${(error as Error).message}`);
  }
}

/**
 * Refuses an update that starts past what the document has from some client. Yjs would park it
 * as pending: invisible to the size limit, yet sent to every new client and kept by compaction,
 * so a crafted one could grow without bound. A real client only has such a gap after a race
 * between tabs; reconnecting resyncs it with a full diff.
 */
export function checkNoGaps(doc: Y.Doc, update: Uint8Array): void {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) {
    if (clock > Y.getState(doc.store, client)) {
      throw new CloseReason(CloseCode.invalidPayload, 'The update depends on changes the server has not received; reconnect to resync.');
    }
  }
}
