import { describe, expect, it } from 'vitest';
import { plainText } from './plainText';
import { textChanges } from './textDiff';

describe('rich-text changes', () => {
  it('reports added and removed words as snippets', () => {
    expect(textChanges('We meet every Monday.', 'We meet every Monday and Thursday.')).toEqual({
      added: ['Monday and Thursday.'],
      removed: ['Monday.'],
    });
  });

  it('keeps snippets within a paragraph', () => {
    const changes = textChanges('One.\n\nTwo.', 'One more.\n\nThree.');
    expect(changes.added).toEqual(['One more.', 'Three.']);
    expect(changes.removed).toEqual(['One.', 'Two.']);
  });

  it('ignores Markdown syntax when wording changes', () => {
    expect(plainText('## Title\n\n- **MQL**: a [lead](https://x.y)\n- [x] done')).toBe('Title\n\nMQL: a lead\ndone');
    expect(textChanges('**Bold** text', 'Bold text')).toEqual({ added: [], removed: [] });
  });

  it('finds a one-word edit in a long text without listing the rest', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const edited = long.replace('word1500', 'changed');
    expect(textChanges(long, edited)).toEqual({ added: ['changed'], removed: ['word1500'] });
  });

  it('reports a complete rewrite as removed and added text', () => {
    expect(textChanges('alpha beta', 'gamma delta')).toEqual({ added: ['gamma delta'], removed: ['alpha beta'] });
  });
});
