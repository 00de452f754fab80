import styles from './metrics.module.css';
import { barLengths, variance } from './variance';

interface Pair {
  name: string;
  planned: number | null;
  actual: number | null;
  format: (value: number) => string;
  /** What the planned figure is called: "prediction" for leads, "forecast" for revenue. */
  plannedNoun: string;
}

const WIDTH = 160;
const BAR = 8;

/**
 * A small chart for one period: planned against actual for each figure, outlined against solid.
 * The figures are also in the table beside it; the chart's text alternative states them too.
 */
export function MetricChart({ period, pairs }: { period: string; pairs: readonly Pair[] }) {
  const rows = pairs.map((pair) => {
    const [planned, actual] = barLengths([pair.planned, pair.actual]);
    return {
      ...pair,
      plannedLength: planned ?? null,
      actualLength: actual ?? null,
      variance: variance(pair.planned, pair.actual, pair.plannedNoun),
    };
  });
  const text = rows
    .map((r) => {
      const show = (v: number | null) => (v === null ? 'unknown' : r.format(v));
      return `${r.name}: ${r.plannedNoun} ${show(r.planned)}, actual ${show(r.actual)} (${r.variance.label})`;
    })
    .join('; ');
  const height = rows.length * (BAR * 2 + 14);
  return (
    <svg className={styles.metricChart} width={WIDTH + 40} height={height} role="img" aria-label={`${period}: ${text}`}>
      {rows.map((r, i) => {
        const y = i * (BAR * 2 + 14);
        return (
          <g key={r.name} transform={`translate(0 ${y})`}>
            <text x={0} y={9} className={styles.chartLabel}>
              {r.name}
            </text>
            {r.plannedLength !== null && (
              <rect x={0} y={12} width={Math.max(1, r.plannedLength * WIDTH)} height={BAR} className={styles.barPlanned} />
            )}
            {r.actualLength !== null && (
              <rect
                x={0}
                y={12 + BAR}
                width={Math.max(1, r.actualLength * WIDTH)}
                height={BAR}
                className={r.variance.short ? `${styles.barActual} ${styles.short}` : styles.barActual}
              />
            )}
            {r.variance.ratio !== null && (
              <text x={WIDTH + 4} y={12 + BAR * 2 - 1} className={styles.chartValue}>
                {Math.round(r.variance.ratio * 100)}%
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
