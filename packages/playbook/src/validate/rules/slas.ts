import { approximateHours, formatDuration } from '../../format/duration';
import { teamLabels } from '../../format/labels';
import { slaTitle } from '../../format/slaSentence';
import { type Finding, finding } from '../Finding';
import type { RuleContext } from './context';

/** SLAs point at live lifecycle states, go forward, are not doubled, and their numbers make sense together. */
export function slaRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  ctx.playbook.slas.forEach((sla, index) => {
    const title = slaTitle(sla, ctx.stateNames);
    const at = (...rest: (string | number)[]) => ['slas', index, ...rest];
    const add = (severity: Finding['severity'], code: string, path: (string | number)[], message: string) =>
      findings.push(finding(severity, code, path, message, sla.id));

    for (const end of ['from', 'to'] as const) {
      const ref = sla[end];
      if (ref === null) add('error', 'sla-missing-state', at(end), `${title} has no ${end === 'from' ? 'starting' : 'target'} state.`);
      else if (!ctx.stateNames.has(ref)) {
        add('error', 'sla-dangling-state', at(end), `${title} points at a lifecycle state that was deleted (${end}).`);
      }
    }
    const fromIndex = sla.from === null ? undefined : ctx.stateIndex.get(sla.from);
    const toIndex = sla.to === null ? undefined : ctx.stateIndex.get(sla.to);
    if (fromIndex !== undefined && toIndex !== undefined) {
      if (fromIndex === toIndex) add('error', 'sla-same-state', at('to'), `${title} starts and ends at the same state.`);
      else if (toIndex < fromIndex) add('warning', 'sla-backwards', at('to'), `${title} goes backwards in the lifecycle.`);
      const pair = `${sla.from}→${sla.to}`;
      const first = seen.get(pair);
      if (first) add('warning', 'duplicate-sla', at(), `${title} is defined twice; keep one.`);
      else seen.set(pair, sla.id);
      const target = ctx.playbook.lifecycle[toIndex];
      if (target && target.owner !== 'shared' && sla.owner !== 'shared' && target.owner !== sla.owner) {
        add(
          'info',
          'sla-owner-mismatch',
          at('owner'),
          `${title} is owned by ${teamLabels[sla.owner]}, but ${target.name} is owned by ${teamLabels[target.owner]}.`,
        );
      }
    }
    if (sla.followUp.attempts === 0)
      add('warning', 'sla-no-follow-up', at('followUp', 'attempts'), `${title} asks for no follow-up attempts.`);
    const response = approximateHours(sla.responseTime.duration);
    const window = approximateHours(sla.followUp.window);
    if (response !== null && window !== null && window < response) {
      add(
        'warning',
        'sla-window-shorter-than-response',
        at('followUp', 'window'),
        `${title}: the follow-up window (${formatDuration(sla.followUp.window)}) ends before the response time (${formatDuration(sla.responseTime.duration, sla.responseTime.clock)}).`,
      );
    }
    if (sla.feedback.reasons.filter((r) => r.trim() !== '').length === 0) {
      add('warning', 'sla-no-reject-reasons', at('feedback', 'reasons'), `${title} lists no reasons to reject a lead.`);
    }
  });
  return findings;
}
