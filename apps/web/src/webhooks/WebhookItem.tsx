import { useId, useState } from 'react';
import { errorMessage } from '../api/request';
import type { Webhook, WebhookEvent } from '../api/webhooks';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DeliveryLog } from './DeliveryLog';
import { useWebhookMutations } from './useWebhooks';
import { eventLabels, webhookState, webhookStateLabels } from './webhookDisplay';
import styles from './webhooks.module.css';

/** How each state looks: the endpoint (a turned-off one dims its URL) and its badge. */
const stateStyles = {
  active: { item: undefined, badge: styles.badgeActive },
  paused: { item: styles.webhookPaused, badge: styles.badgePaused },
  'turned-off': { item: styles.webhookTurnedOff, badge: styles.badgeTurnedOff },
};

interface Props {
  playbookId: string;
  webhook: Webhook;
}

/** One endpoint: where it points, what it hears, pause or resume (or turn back on after failures), delete, and its delivery log. */
export function WebhookItem({ playbookId, webhook }: Props) {
  const { update, remove: removeWebhook } = useWebhookMutations(playbookId);
  const busy = update.isPending || removeWebhook.isPending;
  const [error, setError] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const urlId = useId();
  const logId = useId();
  const reasonId = useId();
  const state = webhookState(webhook);
  const labels = webhookStateLabels[state];

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const toggleActive = () =>
    run(async () => void (await update.mutateAsync({ webhookId: webhook.id, patch: { active: !webhook.active } })));
  const remove = () => run(() => removeWebhook.mutateAsync(webhook.id));

  return (
    <li className={`${styles.webhook} ${stateStyles[state].item ?? ''}`} aria-labelledby={urlId}>
      <div className={styles.webhookHead}>
        <code id={urlId} className={styles.webhookUrl}>
          {webhook.url}
        </code>
        <span className={`badge ${stateStyles[state].badge}`}>{labels.badge}</span>
      </div>
      <p className="meta">{webhook.events.map((e) => eventLabels[e as WebhookEvent] ?? e).join(' · ')}</p>
      {state === 'turned-off' && (
        <p id={reasonId} className={styles.webhookOffReason}>
          {webhook.disabledReason ?? 'The server turned it off because its deliveries kept failing.'}
        </p>
      )}
      <div className={styles.webhookActions}>
        <button
          type="button"
          className={state === 'turned-off' ? undefined : 'secondary'}
          disabled={busy}
          onClick={toggleActive}
          aria-label={`${labels.action} ${webhook.url}`}
          aria-describedby={state === 'turned-off' ? reasonId : undefined}
        >
          {labels.action}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={showLog}
          aria-controls={logId}
          aria-label={`Delivery log of ${webhook.url}`}
          onClick={() => setShowLog((v) => !v)}
        >
          Delivery log
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={busy}
          onClick={() => setConfirmDelete(true)}
          aria-label={`Delete ${webhook.url}`}
        >
          Delete…
        </button>
      </div>
      {error && !confirmDelete && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div id={logId} hidden={!showLog}>
        {showLog && <DeliveryLog playbookId={playbookId} webhookId={webhook.id} label={`Deliveries to ${webhook.url}`} />}
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this webhook?"
          confirmLabel="Delete webhook"
          busy={busy}
          ready
          error={error}
          onConfirm={remove}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            <code>{webhook.url}</code> will no longer be told about this playbook, and its delivery log goes with it. To stop deliveries for
            a while instead, pause it.
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
