import { formatAmount } from '../../format/labels';
import type { MetricPeriod } from '../../records/MetricPeriod';
import type { SectionSpec } from '../collectionDiff';
import { renamed, valueChange } from '../fieldChanges';

export const metricsSpec: SectionSpec<MetricPeriod> = {
  section: 'metrics',
  ordered: false,
  label: (period) => `Metrics for ${period.period || 'an unnamed period'}`,
  name: (period) => period.period,
  fields(before, after, ctx, make) {
    const label = after.period || 'An unnamed period';
    const count = (n: number | null) => (n === null ? 'not set' : n.toLocaleString('en-US'));
    const money = (n: number | null) => (n === null ? 'not set' : formatAmount(n, ctx.after.currency));
    const figure = (field: string, path: string[], was: number | null, is: number | null, format: (n: number | null) => string) =>
      valueChange(make, label, field, path, was, is, format);
    return [
      ...renamed(make, `Metrics period ${before.period}`, ['period'], before.period, after.period),
      ...figure('predicted leads', ['leads', 'predicted'], before.leads.predicted, after.leads.predicted, count),
      ...figure('actual leads', ['leads', 'actual'], before.leads.actual, after.leads.actual, count),
      ...figure('forecast revenue', ['revenue', 'forecast'], before.revenue.forecast, after.revenue.forecast, money),
      ...figure('actual revenue', ['revenue', 'actual'], before.revenue.actual, after.revenue.actual, money),
      ...figure('cost per close', ['costPerClose'], before.costPerClose, after.costPerClose, money),
      ...figure('closes by sales', ['closesBySource', 'sales'], before.closesBySource.sales, after.closesBySource.sales, count),
      ...figure(
        'closes by marketing',
        ['closesBySource', 'marketing'],
        before.closesBySource.marketing,
        after.closesBySource.marketing,
        count,
      ),
      ...figure(
        'closes by community/referral',
        ['closesBySource', 'community'],
        before.closesBySource.community,
        after.closesBySource.community,
        count,
      ),
    ];
  },
};
