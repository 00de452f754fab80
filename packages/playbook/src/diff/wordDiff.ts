import { diffArrays } from 'diff';
import type { StepMeter } from './plainText';

/** A run of words in a word diff: kept, added or removed. */
export interface WordRun {
  kind: 'same' | 'added' | 'removed';
  words: string[];
}

/** Most words that may differ for a word-by-word comparison; beyond it a text was rewritten. */
const MAX_EDITS = 1_000;
/**
 * Most word comparisons one diff may make. Myers' algorithm costs about (words) × (edits), so a
 * huge text gets a proportionally smaller edit budget: comparing a 2 MB page to its rewrite must
 * not stall the server, and saying "rewritten" is as informative there.
 */
const MAX_COMPARISONS = 5_000_000;

/**
 * The words kept, added and removed between two lists of words (jsdiff's Myers diff after
 * trimming the common head and tail, so a small edit in a long text costs little). Null when
 * the texts differ in more words than the budget allows: read them as rewritten.
 */
export function wordDiff(before: readonly string[], after: readonly string[], meter?: StepMeter): WordRun[] | null {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    tail++;
  }
  if (meter) meter.steps += head + tail + 1;
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const size = oldMiddle.length + newMiddle.length;
  const maxEditLength = Math.min(MAX_EDITS, Math.floor(MAX_COMPARISONS / Math.max(1, size)));
  const changes = diffArrays(oldMiddle, newMiddle, {
    maxEditLength,
    comparator: (left, right) => {
      if (meter) meter.steps++;
      return left === right;
    },
  });
  if (!changes) return null;
  const runs: WordRun[] = [];
  if (head > 0) runs.push({ kind: 'same', words: before.slice(0, head) });
  for (const change of changes) {
    runs.push({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', words: change.value });
  }
  if (tail > 0) runs.push({ kind: 'same', words: before.slice(before.length - tail) });
  return runs;
}
