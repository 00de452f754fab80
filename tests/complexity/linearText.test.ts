import { jsonToMarkdown, markdownTooComplex } from '@fullcourt/editor-schema';
import { plainText, type StepMeter, textChanges, wordDiff, words } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../apps/server/src/exports/fileName';
import { changeHeadline } from '../../apps/web/src/history/changeDisplay';
import { inlineTextDiff } from '../../apps/web/src/history/inlineTextDiff';

/**
 * Every function that reads user text, run on inputs built to make naive text code quadratic,
 * at two sizes: four times the input may cost at most about eight times the steps (linear, with
 * room for constant overheads). Steps are what each function counts as it works (characters it
 * looks at, words jsdiff compares), never time: the test says the same on a busy machine.
 */

/** Adversarial texts of about `n` characters: long runs of what Markdown and diff code scan for. */
const adversarial: Record<string, (n: number) => string> = {
  spaces: (n) => `a${' '.repeat(n)}b`,
  'spaces then a pipe': (n) => `${' '.repeat(n)}|`,
  tabs: (n) => `x${'\t'.repeat(n)}y`,
  pipes: (n) => '|'.repeat(n),
  'spaced pipes': (n) => ' | '.repeat(n / 3),
  stars: (n) => '*'.repeat(n),
  'stars and words': (n) => '*a '.repeat(n / 3),
  underscores: (n) => '_a '.repeat(n / 3),
  backticks: (n) => '`'.repeat(n),
  'open brackets': (n) => '['.repeat(n),
  'unclosed links': (n) => '[a]('.repeat(n / 4),
  'unclosed images': (n) => '![a'.repeat(n / 3),
  'nested markers': (n) => '**_~~`'.repeat(n / 6),
  'quote and list markers': (n) => '> - [ ] 1. # '.repeat(n / 13),
  'entity starts': (n) => '&nbs'.repeat(n / 4),
  'blank lines': (n) => '\n \n'.repeat(n / 3),
  'many short words': (n) => 'w '.repeat(n / 2),
};

const SIZE = 2_000;

function steps(run: (meter: StepMeter) => unknown): number {
  const meter = { steps: 0 };
  run(meter);
  return meter.steps;
}

function expectLinear(name: string, run: (input: string, meter: StepMeter) => unknown) {
  for (const [shape, make] of Object.entries(adversarial)) {
    const small = steps((meter) => run(make(SIZE), meter));
    const large = steps((meter) => run(make(4 * SIZE), meter));
    expect(small, `${name} counts its steps on ${shape}`).toBeGreaterThan(0);
    expect(large / small, `${name} on ${shape}: ${small} steps, then ${large} for 4× the input`).toBeLessThanOrEqual(8);
  }
}

/** A Tiptap document holding the text in every place the Markdown writer treats differently. */
const richDoc = (text: string) => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: `x${text}x`, marks: [{ type: 'bold' }] },
        { type: 'text', text: 'after' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: `x${text}x`, marks: [{ type: 'code' }, { type: 'italic' }] }] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: `x${text}x`, marks: [{ type: 'link', attrs: { href: 'https://x.y' } }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    { type: 'codeBlock', content: [{ type: 'text', text }] },
  ],
});

describe('text functions cost steps linear in their input', () => {
  it('plainText', () => expectLinear('plainText', (text, meter) => plainText(text, meter)));

  it('words', () => expectLinear('words', (text, meter) => words(text, '\n', meter)));

  it('wordDiff, against the same text with every other word changed', () =>
    expectLinear('wordDiff', (text, meter) => {
      const before = words(text, '\n');
      wordDiff(
        before,
        before.map((word, i) => (i % 2 === 0 ? `${word}!` : word)),
        meter,
      );
    }));

  it('textChanges, for an edit at each end and a rewrite', () =>
    expectLinear('textChanges', (text, meter) => {
      textChanges(text, `edited ${text} edited`, meter);
      textChanges(text, text.split('').reverse().join(''), meter);
    }));

  it('inlineTextDiff (the web history view)', () =>
    expectLinear('inlineTextDiff', (text, meter) => inlineTextDiff(text, `${text} more`, {}, meter)));

  it('changeHeadline (the web history view)', () =>
    expectLinear('changeHeadline', (text, meter) =>
      changeHeadline({ text: `Page ${text}: added “${text}”`, textChanges: { added: [text], removed: [] } }, meter),
    ));

  it('jsonToMarkdown, in plain, formatted, code, table and code-block text', () =>
    expectLinear('jsonToMarkdown', (text, meter) => jsonToMarkdown(richDoc(text), meter)));

  it('markdownTooComplex (the check before Markdown from the API is parsed)', () =>
    expectLinear('markdownTooComplex', (text, meter) => markdownTooComplex(text, meter)));

  it('exportFileName', () => expectLinear('exportFileName', (text, meter) => exportFileName(text, 'md', meter)));
});

describe('a huge field', () => {
  it('degrades to "rewritten" within a fixed budget of word comparisons instead of a quadratic diff', () => {
    const page = (prefix: string) => Array.from({ length: 100_000 }, (_, i) => `${prefix}${i}`).join(' ');
    const meter = { steps: 0 };
    expect(textChanges(page('a'), page('b'), meter)).toEqual({ added: [], removed: [], rewritten: true });
    // Reading both texts is ~1.4 M steps; the comparisons are capped at 5 M whatever the size.
    expect(meter.steps).toBeLessThan(7_000_000);
  });

  it('still finds a small edit in it word by word', () => {
    const words = Array.from({ length: 200_000 }, (_, i) => `w${i}`);
    const after = [...words];
    after[100_000] = 'changed';
    expect(textChanges(words.join(' '), after.join(' '))).toEqual({ added: ['changed'], removed: ['w100000'] });
  });
});
