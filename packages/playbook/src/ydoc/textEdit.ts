import type * as Y from 'yjs';

/** The smallest single replacement that turns `current` into `next`: where it starts, how much goes, what comes. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The span a change replaced, found from the common head and tail. Writing only that span into
 * shared text keeps what a peer typed concurrently elsewhere in the same field.
 */
export function spliceBetween(current: string, next: string): TextSplice | null {
  if (current === next) return null;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Never split a surrogate pair: Y.Text counts UTF-16 units, and half an emoji is not text.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent < current.length && isHighSurrogate(current.charCodeAt(endCurrent - 1))) {
    endCurrent++;
    endNext++;
  }
  return { index: start, remove: endCurrent - start, insert: next.slice(start, endNext) };
}

/**
 * Makes `text` read `next` by replacing only the span that differs. A form or the REST API
 * sends whole values; rewriting the whole Y.Text would erase what a peer typed concurrently.
 */
export function setText(text: Y.Text, next: string): void {
  const splice = spliceBetween(text.toString(), next);
  if (!splice) return;
  const apply = () => {
    if (splice.remove > 0) text.delete(splice.index, splice.remove);
    if (splice.insert) text.insert(splice.index, splice.insert);
  };
  // One transaction: observers and peers see a single replacement, not a deletion then an insertion.
  if (text.doc) text.doc.transact(apply);
  else apply();
}
