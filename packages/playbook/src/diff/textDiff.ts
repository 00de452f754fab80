import type { TextChanges } from './Change';

/** Markdown reduced to the words a reader sees (no heading marks, bullets, emphasis or link targets). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(#{1,6}|>|[-*+][ \t]+\[[ xX]\]|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/^\|?[ \t]*:?-{3,}.*$/gm, '')
    .replace(/[ \t]*\|[ \t]*/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

const PARAGRAPH = '\n';

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    tokens.push(...words, PARAGRAPH);
  }
  return tokens;
}

// Beyond this many edits a text was rewritten, and listing it all as removed and added says as much.
const MAX_EDITS = 4000;

/**
 * What text was added and removed between two versions of a text, as snippets of consecutive
 * words (a snippet never spans paragraphs). Word-level Myers diff after trimming the common
 * head and tail, so a small edit in a long page costs little.
 */
export function textChanges(before: string, after: string): TextChanges {
  const a = tokenize(plainText(before));
  const b = tokenize(plainText(after));
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const added: string[] = [];
  const removed: string[] = [];
  let run: { kind: '+' | '-'; words: string[] } | null = null;
  const flush = () => {
    if (run && run.words.length > 0) (run.kind === '+' ? added : removed).push(run.words.join(' '));
    run = null;
  };
  for (const [kind, token] of ops) {
    if (kind === '=' || token === PARAGRAPH) {
      flush();
      continue;
    }
    if (!run || run.kind !== kind) {
      flush();
      run = { kind, words: [] };
    }
    run.words.push(token);
  }
  flush();
  return { added, removed };
}

type Op = ['=' | '+' | '-', string];

/** Myers' O((N+M)D) shortest edit script over tokens. */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['+', t] as Op);
  if (m === 0) return a.map((t) => ['-', t] as Op);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, offset);
    }
    v = next;
  }
  // Rewritten beyond MAX_EDITS: report everything as replaced.
  return [...a.map((t) => ['-', t] as Op), ...b.map((t) => ['+', t] as Op)];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], depth: number, offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push(['=', a[--x] as string]);
    }
    if (down) ops.push(['+', b[--y] as string]);
    else ops.push(['-', a[--x] as string]);
  }
  while (x > 0 && y > 0) {
    y--;
    ops.push(['=', a[--x] as string]);
  }
  return ops.reverse();
}
