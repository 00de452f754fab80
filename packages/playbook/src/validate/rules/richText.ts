import { MAX_RICH_TEXT_DEPTH, markdownContainerDepth } from '@fullcourt/editor-schema';
import type { RichText } from '../../records/RichText';
import { TOO_DEEP } from '../../ydoc/richField';
import { type Finding, finding } from '../Finding';
import { quoted, type RuleContext } from './context';

/**
 * Rich text that could not be read as such: it reads as plain text (marked `unreadable` by toJSON),
 * or, in a version saved before nesting was limited, its Markdown nests past the limit.
 */
export function richTextRules(ctx: RuleContext): Finding[] {
  const { playbook } = ctx;
  const findings: Finding[] = [];
  const check = (text: RichText, path: (string | number)[], what: string, fix: string, itemId: string | null) => {
    const why = text.unreadable ?? (markdownContainerDepth(text.markdown) > MAX_RICH_TEXT_DEPTH ? TOO_DEEP : undefined);
    if (why === undefined) return;
    findings.push(
      finding(
        'error',
        'rich-text-unreadable',
        path,
        `${what} cannot be read as rich text (${why}), so it shows as plain text. ${fix}`,
        itemId,
      ),
    );
  };
  playbook.stages.forEach((stage, i) => {
    check(
      stage.notes,
      ['stages', i, 'notes'],
      `The notes of stage ${quoted(stage.name, 'stage')}`,
      'Clear them, or delete the stage.',
      stage.id,
    );
  });
  playbook.pages.forEach((page, i) => {
    check(page.body, ['pages', i, 'body'], `The text of page ${quoted(page.title, 'page')}`, 'Clear it, or delete the page.', page.id);
  });
  check(playbook.attribution, ['attribution'], 'The attribution text', 'Clear it.', null);
  return findings;
}
