import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { ApiError, errorMessage } from '../api/request';
import { listDeliveries } from '../api/webhooks';
import { useNow } from '../history/useNow';
import { describeWhen } from '../history/when';
import { deliveryStatusLabels, lastAnswer } from './webhookDisplay';
import styles from './webhooks.module.css';

/** The server retries on its own schedule; looking every couple of seconds shows each attempt soon after. */
const REFRESH_MS = 2_000;

/** Each delivery status's colour. */
const deliveryStyles = {
  pending: styles.deliveryPending,
  delivered: styles.deliveryDelivered,
  failed: styles.deliveryFailed,
  refused: styles.deliveryRefused,
};

/** Every delivery to one webhook, newest first, refreshed while it is on screen. */
export function DeliveryLog({ playbookId, webhookId, label }: { playbookId: string; webhookId: string; label: string }) {
  const log = useQuery({
    queryKey: keys.deliveries(playbookId, webhookId),
    queryFn: () => listDeliveries(playbookId, webhookId),
    // Deleted elsewhere: asking again cannot bring it back.
    refetchInterval: (query) => (query.state.error instanceof ApiError && query.state.error.status === 404 ? false : REFRESH_MS),
  });
  const deliveries = log.data ?? null;
  const error = log.error ? errorMessage(log.error) : null;
  const now = useNow(REFRESH_MS);

  if (error && (!deliveries || deliveries.length === 0)) {
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  }
  if (!deliveries) return <p className="loading">Loading deliveries…</p>;
  if (deliveries.length === 0)
    return <p className="empty">No deliveries yet. Events are sent when a version is published (or saved, if chosen).</p>;
  const when = (iso: string | null) => {
    if (!iso) return '—';
    const w = describeWhen(iso, now);
    return (
      <time dateTime={iso} title={w.absolute}>
        {w.relative}
      </time>
    );
  };
  return (
    <div className="table-scroll">
      <table className={styles.deliveryLog} aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Queued</th>
            <th scope="col">Delivered or next try</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                <span className={`${styles.deliveryStatus} ${deliveryStyles[d.status]}`}>{deliveryStatusLabels[d.status]}</span>
              </td>
              <td>{d.attempts}</td>
              <td>{lastAnswer(d)}</td>
              <td>{when(d.createdAt)}</td>
              <td>{d.status === 'delivered' ? when(d.deliveredAt) : d.nextAttemptAt ? <>next {when(d.nextAttemptAt)}</> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
