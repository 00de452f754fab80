import { PERIOD_LABEL } from '../../records/MetricPeriod';
import { type Finding, finding } from '../Finding';
import type { RuleContext } from './context';

/** Period labels have a known form and appear once. */
export function metricRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  ctx.playbook.metrics.periods.forEach((period, index) => {
    const at: (string | number)[] = ['metrics', 'periods', index, 'period'];
    if (!PERIOD_LABEL.test(period.period)) {
      findings.push(
        finding('warning', 'metric-period-label', at, `'${period.period}' is not a period such as 2026-Q3, 2026-07 or 2026.`, period.id),
      );
    } else if (seen.has(period.period)) {
      findings.push(finding('warning', 'metric-period-duplicate', at, `${period.period} has two rows of metrics.`, period.id));
    }
    seen.add(period.period);
  });
  return findings;
}
