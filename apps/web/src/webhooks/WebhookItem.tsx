import { useId, useState } from 'react';
import { errorMessage } from '../api/request';
import { deleteWebhook, updateWebhook, type Webhook } from '../api/webhooks';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DeliveryLog } from './DeliveryLog';
import { eventLabels, webhookState, webhookStateLabels } from './webhookDisplay';

interface Props {
  playbookId: string;
  webhook: Webhook;
  onChanged: (webhook: Webhook) => void;
  onDeleted: (webhookId: string) => void;
}

/** One endpoint: where it points, what it hears, pause or resume (or turn back on after failures), delete, and its delivery log. */
export function WebhookItem({ playbookId, webhook, onChanged, onDeleted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const urlId = useId();
  const logId = useId();
  const reasonId = useId();
  const state = webhookState(webhook);
  const labels = webhookStateLabels[state];

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const toggleActive = () => run(async () => onChanged(await updateWebhook(playbookId, webhook.id, { active: !webhook.active })));
  const remove = () =>
    run(async () => {
      await deleteWebhook(playbookId, webhook.id);
      setConfirmDelete(false);
      onDeleted(webhook.id);
    });

  return (
    <li className={`webhook webhook-${state}`} aria-labelledby={urlId}>
      <div className="webhook-head">
        <code id={urlId} className="webhook-url">
          {webhook.url}
        </code>
        <span className={`badge badge-${state}`}>{labels.badge}</span>
      </div>
      <p className="meta">{webhook.events.map((e) => eventLabels[e] ?? e).join(' · ')}</p>
      {state === 'turned-off' && (
        <p id={reasonId} className="webhook-off-reason">
          {webhook.disabledReason ?? 'The server turned it off because its deliveries kept failing.'}
        </p>
      )}
      <div className="webhook-actions">
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
