import { describe, expect, it } from 'vitest';
import { inlineTextDiff } from './inlineTextDiff';

describe('inlineTextDiff', () => {
  it('shows an edit where it happened, between the words around it', () => {
    expect(inlineTextDiff('We meet every Monday at nine.', 'We meet every Thursday at nine.')).toEqual([
      { kind: 'same', text: 'We meet every' },
      { kind: 'removed', text: 'Monday' },
      { kind: 'added', text: 'Thursday' },
      { kind: 'same', text: 'at nine.' },
    ]);
  });

  it('reads Markdown as the words a reader sees, keeping paragraph breaks', () => {
    expect(
      inlineTextDiff('- **BANT**: budget.\n- **SLA**: agreement.', '- **BANT**: budget.\n- **ICP**: profile.\n- **SLA**: agreement.'),
    ).toEqual([
      { kind: 'same', text: 'BANT: budget.\n' },
      { kind: 'added', text: 'ICP: profile.\n' },
      { kind: 'same', text: 'SLA: agreement.' },
    ]);
  });

  it('cuts long unchanged stretches down to the words next to a change', () => {
    const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    const before = `${words(0, 30)} old ${words(30, 60)} tail ${words(60, 90)}`;
    const after = `${words(0, 30)} new ${words(30, 60)} end ${words(60, 90)}`;
    expect(inlineTextDiff(before, after, { context: 2 })).toEqual([
      { kind: 'same', text: '… w28 w29' },
      { kind: 'removed', text: 'old' },
      { kind: 'added', text: 'new' },
      { kind: 'same', text: 'w30 w31 … w58 w59' },
      { kind: 'removed', text: 'tail' },
      { kind: 'added', text: 'end' },
      { kind: 'same', text: 'w60 w61 …' },
    ]);
  });

  it('shows a text written from nothing, or emptied, as all added or all removed', () => {
    expect(inlineTextDiff('', 'Fresh text')).toEqual([{ kind: 'added', text: 'Fresh text' }]);
    expect(inlineTextDiff('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
  });

  it('gives up on a rewrite too large to compare in the browser', () => {
    const many = (prefix: string) => Array.from({ length: 600 }, (_, i) => `${prefix}${i}`).join(' ');
    expect(inlineTextDiff(many('a'), many('b'))).toBeNull();
  });
});
