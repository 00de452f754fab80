import { formatAmount } from '@fullcourt/playbook';
import { memo, useId } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RenderProbe } from '../../editor/RenderProbe';
import { RichTextField } from '../../editor/RichTextField';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, usePlaybookHeader, useRecord, useRecordIds, useSession } from '../../editor/useCollaboration';
import { NumberInput } from '../../ui/NumberInput';
import { TextInput } from '../../ui/TextInput';
import shared from '../section.module.css';
import { MetricChart } from './MetricChart';
import styles from './metrics.module.css';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'INR', 'BRL'];

/** Forecast against actual per period, each with a small chart, and the rules for attributing credit. */
export function MetricsSection() {
  const session = useSession();
  const metrics = useRecordIds('metrics');
  const { currency } = usePlaybookHeader();
  const id = useId();
  const periods = session.playbook.metrics;
  const currencies = CURRENCIES.includes(currency) ? CURRENCIES : [currency, ...CURRENCIES];

  return (
    <div>
      <div className={shared.sectionActions}>
        <button type="button" onClick={() => session.edit(() => periods.add({ period: '' }))}>
          Add period
        </button>
        <div className={`field ${styles.currency}`}>
          <label htmlFor={`${id}-currency`}>Currency</label>
          <select id={`${id}-currency`} value={currency} onChange={(e) => session.edit(() => session.playbook.setCurrency(e.target.value))}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="table-scroll">
        <table className={styles.metricsGrid} aria-label="Metrics per period">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Leads predicted</th>
              <th scope="col">Leads actual</th>
              <th scope="col">Revenue forecast</th>
              <th scope="col">Revenue actual</th>
              <th scope="col">Cost per close</th>
              <th scope="col">Closes: sales / marketing / community</th>
              <th scope="col">Forecast vs actual</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((id, index) => (
              <MetricRow key={id} id={id} index={index} currency={currency} />
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="attribution-heading" className={styles.attribution}>
        <h3 id="attribution-heading">How credit is attributed</h3>
        <RichTextField source={{ playbook: 'attribution' }} label="Attribution rules" size="page" />
      </section>
    </div>
  );
}

/** One period's row, reading its own record: typing in another period does not re-render it (memo). */
const MetricRow = memo(function MetricRow({ id, index, currency }: { id: string; index: number; currency: string }) {
  const session = useSession();
  const p = useRecord('metrics', id);
  const findings = useItemFindings(id);
  const deleteUndoably = useUndoableDelete();
  if (!p) return null;
  const periods = session.playbook.metrics;
  const money = (n: number) => formatAmount(n, currency);
  const name = p.period || `period ${index + 1}`;
  const update = (patch: Parameters<typeof periods.update>[1]) => session.edit(() => periods.update(p.id, patch));
  return (
    <RenderProbe id={`metric:${id}`}>
      <tr>
        <th scope="row">
          <TextInput
            source={{ collection: 'metrics', id: p.id, path: 'period' }}
            label={`Period ${index + 1}`}
            hideLabel
            placeholder="2026-Q3"
          />
          <FindingList findings={findings} label={`Findings for ${name}`} />
        </th>
        <td>
          <NumberInput
            label={`Leads predicted for ${name}`}
            hideLabel
            nullable
            value={p.leads.predicted}
            onChange={(predicted) => update({ leads: { ...p.leads, predicted } })}
          />
        </td>
        <td>
          <NumberInput
            label={`Leads actual for ${name}`}
            hideLabel
            nullable
            value={p.leads.actual}
            onChange={(actual) => update({ leads: { ...p.leads, actual } })}
          />
        </td>
        <td>
          <NumberInput
            label={`Revenue forecast for ${name}`}
            hideLabel
            nullable
            value={p.revenue.forecast}
            onChange={(forecast) => update({ revenue: { ...p.revenue, forecast } })}
          />
        </td>
        <td>
          <NumberInput
            label={`Revenue actual for ${name}`}
            hideLabel
            nullable
            value={p.revenue.actual}
            onChange={(actual) => update({ revenue: { ...p.revenue, actual } })}
          />
        </td>
        <td>
          <NumberInput
            label={`Cost per close for ${name}`}
            hideLabel
            nullable
            value={p.costPerClose}
            onChange={(costPerClose) => update({ costPerClose })}
          />
        </td>
        <td className={styles.closes}>
          {(['sales', 'marketing', 'community'] as const).map((source) => (
            <NumberInput
              key={source}
              label={`Closes from ${source} in ${name}`}
              hideLabel
              nullable
              value={p.closesBySource[source]}
              onChange={(value) => update({ closesBySource: { ...p.closesBySource, [source]: value } })}
            />
          ))}
        </td>
        <td>
          <MetricChart
            period={name}
            pairs={[
              {
                name: 'Leads',
                planned: p.leads.predicted,
                actual: p.leads.actual,
                format: (n) => n.toLocaleString('en-US'),
                plannedNoun: 'prediction',
              },
              { name: 'Revenue', planned: p.revenue.forecast, actual: p.revenue.actual, format: money, plannedNoun: 'forecast' },
            ]}
          />
        </td>
        <td>
          <button
            type="button"
            className="icon danger"
            aria-label={`Delete ${name}`}
            onClick={() => deleteUndoably(`Metrics for ${name} deleted.`, () => periods.delete(p.id))}
          >
            ×
          </button>
        </td>
      </tr>
    </RenderProbe>
  );
});
