import { formatAmount, type MetricPeriod } from '@fullcourt/playbook';
import { MarkdownView } from '../../richtext/MarkdownView';
import { MetricChart } from '../../sections/metrics/MetricChart';
import { variance } from '../../sections/metrics/variance';
import styles from '../reader.module.css';
import { anchors } from '../search';

const count = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

/** Forecast against actual per period, with a small chart each, then how credit is attributed. */
export function MetricsReading({
  periods,
  currency,
  attribution,
}: {
  periods: readonly MetricPeriod[];
  currency: string;
  attribution: string;
}) {
  const money = (n: number | null) => (n === null ? '—' : formatAmount(n, currency));
  return (
    <>
      {periods.length === 0 ? (
        <p className="empty">No metrics yet.</p>
      ) : (
        <div className="table-scroll">
          <table className={styles.readingTable}>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Leads (predicted → actual)</th>
                <th scope="col">Revenue (forecast → actual)</th>
                <th scope="col">Cost per close</th>
                <th scope="col">Chart</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id} id={anchors.metric(p.id)}>
                  <th scope="row">{p.period || '—'}</th>
                  <td>
                    {count(p.leads.predicted)} → {count(p.leads.actual)}
                    <span className="meta"> {variance(p.leads.predicted, p.leads.actual, 'prediction').label}</span>
                  </td>
                  <td>
                    {money(p.revenue.forecast)} → {money(p.revenue.actual)}
                    <span className="meta"> {variance(p.revenue.forecast, p.revenue.actual).label}</span>
                  </td>
                  <td>{money(p.costPerClose)}</td>
                  <td>
                    <MetricChart
                      period={p.period}
                      pairs={[
                        {
                          name: 'Leads',
                          planned: p.leads.predicted,
                          actual: p.leads.actual,
                          format: (n) => count(n),
                          plannedNoun: 'prediction',
                        },
                        {
                          name: 'Revenue',
                          planned: p.revenue.forecast,
                          actual: p.revenue.actual,
                          format: (n) => money(n),
                          plannedNoun: 'forecast',
                        },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id={anchors.attribution()} tabIndex={-1}>
        How credit is attributed
      </h3>
      <MarkdownView markdown={attribution} empty="No attribution rules written yet." />
    </>
  );
}
