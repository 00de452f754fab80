import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './MarkdownView';

const render = (markdown: string) => renderToStaticMarkup(createElement(MarkdownView, { markdown }));

describe('MarkdownView', () => {
  it('renders what the editor writes: headings, emphasis, lists, task lists, tables and links', () => {
    const html = render(
      '## Weekly sync\n\n**Who**: marketing and *sales*\n\n- one\n- two\n\n- [x] done\n- [ ] open\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[Guide](https://example.com/guide)',
    );
    expect(html).toContain('<h5>Weekly sync</h5>');
    expect(html).toContain('<strong>Who</strong>');
    expect(html).toContain('<em>sales</em>');
    // The class is a CSS Module's, renamed in a build: a done item carries it, an open one carries none.
    expect(html).toMatch(/<li class="[^"]*done[^"]*">/);
    expect(html.match(/<li class=/g)).toHaveLength(1);
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('href="https://example.com/guide"');
  });

  it('never turns text into markup or script links', () => {
    const html = render('<img src=x onerror=alert(1)> [click](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
  });

  it('renders nothing for empty text', () => {
    expect(render('  ')).toBe('');
  });
});
