import { plainText, type StepMeter, type WordRun, wordDiff, words } from '@fullcourt/playbook';

/** A run of words in an inline diff: kept, added (shown as <ins>) or removed (shown as <del>). */
export interface Segment {
  kind: 'same' | 'added' | 'removed';
  /** Words joined by spaces; '\n' marks a paragraph break. */
  text: string;
}

const BREAK = '\n';

/** Words joined by spaces, a paragraph break standing alone with no space either side of it. */
function join(tokens: readonly string[]): string {
  let text = '';
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && token !== BREAK && tokens[i - 1] !== BREAK) text += ' ';
    text += token;
  }
  return text;
}

/**
 * A word-level diff of two texts (Markdown is read as the words a reader sees), for showing a
 * rich-text change where it happened: unchanged stretches are cut to `context` words either
 * side. The same word diff as the server's (jsdiff within a fixed budget); null when the texts
 * differ too much to compare word by word: the server's snippets (or "rewritten") say enough.
 */
export function inlineTextDiff(before: string, after: string, options: { context?: number } = {}, meter?: StepMeter): Segment[] | null {
  const context = options.context ?? 6;
  const runs = wordDiff(words(plainText(before, meter), BREAK, meter), words(plainText(after, meter), BREAK, meter), meter);
  if (!runs) return null;
  const segments: Segment[] = [];
  runs.forEach((run, index) => {
    // Within a replaced stretch the removed words come first (jsdiff already orders them so).
    const where = index === 0 ? 'start' : index === runs.length - 1 ? 'end' : 'middle';
    const text = join(run.kind === 'same' ? cut(run.words, context, where) : run.words);
    if (text !== '') segments.push({ kind: run.kind, text });
  });
  return segments;
}

/** Shortens an unchanged stretch to the words next to the changes, with an ellipsis for the rest. */
function cut(tokens: WordRun['words'], context: number, where: 'start' | 'middle' | 'end'): string[] {
  const limit = where === 'middle' ? 2 * context + 1 : context;
  if (tokens.length <= limit) return tokens;
  if (where === 'start') return ['…', ...tokens.slice(-context)];
  if (where === 'end') return [...tokens.slice(0, context), '…'];
  return [...tokens.slice(0, context), '…', ...tokens.slice(-context)];
}
