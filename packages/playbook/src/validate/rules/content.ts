import { isReviewOverdue } from '../../records/ContentAsset';
import { type Finding, finding } from '../Finding';
import { quoted, type RuleContext } from './context';

/** Assets link to live stages and personas and are reviewed on time (URLs: see storedTexts). */
export function contentRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  ctx.playbook.content.forEach((asset, index) => {
    const name = `Asset ${quoted(asset.title, 'asset')}`;
    const add = (severity: Finding['severity'], code: string, path: (string | number)[], message: string) =>
      findings.push(finding(severity, code, ['content', index, ...path], message, asset.id));

    asset.stageIds.forEach((id, i) => {
      if (!ctx.stageNames.has(id)) add('warning', 'asset-dangling-stage', ['stageIds', i], `${name} is mapped to a deleted stage.`);
    });
    asset.personaIds.forEach((id, i) => {
      if (!ctx.personaNames.has(id)) add('warning', 'asset-dangling-persona', ['personaIds', i], `${name} is mapped to a deleted persona.`);
    });
    if (asset.stageIds.length === 0) add('info', 'asset-unmapped', ['stageIds'], `${name} is not mapped to any stage.`);
    if (asset.lastReviewed && asset.reviewBy && asset.reviewBy < asset.lastReviewed) {
      add(
        'warning',
        'asset-review-dates',
        ['reviewBy'],
        `${name} must be reviewed by ${asset.reviewBy}, before its last review (${asset.lastReviewed}).`,
      );
    } else if (isReviewOverdue(asset, ctx.today)) {
      add('warning', 'asset-review-overdue', ['reviewBy'], `${name} was due for review on ${asset.reviewBy}.`);
    }
    if (asset.lastReviewed && asset.lastReviewed > ctx.today) {
      add('info', 'asset-reviewed-in-future', ['lastReviewed'], `${name} has a last review date in the future (${asset.lastReviewed}).`);
    }
  });
  return findings;
}
