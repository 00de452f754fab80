import type { TextChanges } from './Change';
import { plainText, type StepMeter, words } from './plainText';
import { wordDiff } from './wordDiff';

const PARAGRAPH = '\n';

/**
 * What text was added and removed between two versions of a text, as snippets of consecutive
 * words (a snippet never spans paragraphs). Texts that differ too much to compare word by word
 * within a fixed budget (a huge field rewritten) are reported as `rewritten`, with no snippets.
 */
export function textChanges(before: string, after: string, meter?: StepMeter): TextChanges {
  const runs = wordDiff(words(plainText(before, meter), PARAGRAPH, meter), words(plainText(after, meter), PARAGRAPH, meter), meter);
  if (!runs) return { added: [], removed: [], rewritten: true };
  const added: string[] = [];
  const removed: string[] = [];
  for (const run of runs) {
    if (run.kind === 'same') continue;
    const snippets = run.kind === 'added' ? added : removed;
    let snippet: string[] = [];
    for (const word of run.words) {
      if (meter) meter.steps++;
      if (word !== PARAGRAPH) {
        snippet.push(word);
        continue;
      }
      if (snippet.length > 0) snippets.push(snippet.join(' '));
      snippet = [];
    }
    if (snippet.length > 0) snippets.push(snippet.join(' '));
  }
  return { added, removed };
}
