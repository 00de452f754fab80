import { plainText } from '@fullcourt/playbook';

/** A run of words in an inline diff: kept, added (shown as <ins>) or removed (shown as <del>). */
export interface Segment {
  kind: 'same' | 'added' | 'removed';
  /** Words joined by spaces; '\n' marks a paragraph break. */
  text: string;
}

const BREAK = '\n';

function tokenize(markdown: string): string[] {
  const tokens: string[] = [];
  for (const line of plainText(markdown).split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    if (tokens.length > 0) tokens.push(BREAK);
    tokens.push(...words);
  }
  return tokens;
}

const join = (tokens: readonly string[]) => tokens.join(' ').replace(/ ?\n ?/g, '\n');

/**
 * A word-level diff of two texts (Markdown is read as the words a reader sees), for showing a
 * rich-text change where it happened: unchanged stretches are cut to `context` words either
 * side. Null when the changed middle is too large to compare word by word in the browser; the
 * server's added and removed snippets say enough then.
 */
export function inlineTextDiff(before: string, after: string, options: { context?: number; maxCells?: number } = {}): Segment[] | null {
  const context = options.context ?? 6;
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length * midB.length > (options.maxCells ?? 250_000)) return null;

  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], tokens: string[]) => {
    // Spaces at the ends go (the renderer puts one between segments); a paragraph break stays.
    const text = join(tokens).replace(/^ +| +$/g, '');
    if (text !== '') segments.push({ kind, text });
  };
  push('same', cut(a.slice(0, head), context, 'start'));
  for (const [kind, tokens] of lcsRuns(midA, midB)) push(kind, kind === 'same' ? cut(tokens, context, 'middle') : tokens);
  push('same', cut(a.slice(a.length - tail), context, 'end'));
  return segments;
}

/** Shortens an unchanged stretch to the words next to the changes, with an ellipsis for the rest. */
function cut(tokens: string[], context: number, where: 'start' | 'middle' | 'end'): string[] {
  const limit = where === 'middle' ? 2 * context + 1 : context;
  if (tokens.length <= limit) return tokens;
  if (where === 'start') return ['…', ...tokens.slice(-context)];
  if (where === 'end') return [...tokens.slice(0, context), '…'];
  return [...tokens.slice(0, context), '…', ...tokens.slice(-context)];
}

/** Longest-common-subsequence runs; within each replaced stretch the removed words come first. */
function lcsRuns(a: string[], b: string[]): ['same' | 'added' | 'removed', string[]][] {
  const n = a.length;
  const m = b.length;
  // lengths[i * (m + 1) + j]: the LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j] as number, lengths[i * (m + 1) + j + 1] as number);
    }
  }
  const runs: ['same' | 'added' | 'removed', string[]][] = [];
  let removed: string[] = [];
  let added: string[] = [];
  let same: string[] = [];
  const flushChanges = () => {
    if (removed.length > 0) runs.push(['removed', removed]);
    if (added.length > 0) runs.push(['added', added]);
    removed = [];
    added = [];
  };
  const flushSame = () => {
    if (same.length > 0) runs.push(['same', same]);
    same = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flushChanges();
      same.push(a[i] as string);
      i++;
      j++;
    } else if (j < m && (i === n || (lengths[i * (m + 1) + j + 1] as number) >= (lengths[(i + 1) * (m + 1) + j] as number))) {
      flushSame();
      added.push(b[j] as string);
      j++;
    } else {
      flushSame();
      removed.push(a[i] as string);
      i++;
    }
  }
  flushSame();
  flushChanges();
  return runs;
}
