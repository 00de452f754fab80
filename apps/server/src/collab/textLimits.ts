import { cutBackOverLimitTexts, defineTextRoots, type OverLimitText } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';

/**
 * Applies a client's update and, in the same transaction, cuts back any plain-text field it grew
 * past its limit (the limits the REST API enforces through the record schemas). Returns why the
 * sender must be told, or undefined when everything fit.
 *
 * Why after applying and not before: a Yjs update only says "insert these characters after that
 * one"; which field they land in and how long it becomes is known once the update is integrated,
 * and integrating it into a copy would cost the whole document per message. Cutting back inside
 * the same transaction costs only the new content, and the stored and broadcast update already
 * holds the cut, so no peer ever sees the over-long text. Only characters this update inserted are
 * removed, the last ones first: nobody else's text is lost, and the rest of the update stands.
 */
export function applyUpdateWithinTextLimits(doc: Y.Doc, update: Uint8Array, origin: unknown): CloseReason | undefined {
  let over: OverLimitText[] = [];
  defineTextRoots(doc);
  doc.transact((transaction) => {
    Y.applyUpdate(doc, update);
    over = cutBackOverLimitTexts(transaction);
  }, origin);
  return over.length === 0 ? undefined : tooLong(over);
}

/**
 * The sender's copy still holds the text that was cut (broadcasts skip the peer an update came
 * from); closing makes its provider reconnect and resync, which brings it the cut.
 */
function tooLong(over: OverLimitText[]): CloseReason {
  const [first] = over as [OverLimitText, ...OverLimitText[]];
  const more = over.length > 1 ? ` (and ${over.length - 1} more field${over.length > 2 ? 's' : ''})` : '';
  return new CloseReason(
    CloseCode.textTooLong,
    `${first.path} is limited to ${first.limit} characters${more}; the ${first.removed} extra were not saved.`,
  );
}
