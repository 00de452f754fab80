import type * as Y from 'yjs';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Makes `text` read `next` by replacing only the span that differs. A form or the REST API
 * sends whole values; rewriting the whole Y.Text would erase what a peer typed concurrently.
 */
export function setText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  // One transaction: observers and peers see a single replacement, not a deletion then an insertion.
  if (text.doc) text.doc.transact(() => replaceSpan(text, current, next));
  else replaceSpan(text, current, next);
}

function replaceSpan(text: Y.Text, current: string, next: string): void {
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
  if (endCurrent > start) text.delete(start, endCurrent - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}
