import { useState } from 'react';
import { errorMessage } from '../api/request';
import { AddWebhookForm } from './AddWebhookForm';
import { SecretOnce } from './SecretOnce';
import { useWebhooks } from './useWebhooks';
import { WebhookItem } from './WebhookItem';
import styles from './webhooks.module.css';

/**
 * The endpoints told about this playbook's versions. Deliveries run in the server's background,
 * so a paused or failing endpoint never gets in the way of editing; the log shows how each went,
 * and an endpoint the server turned off after failures in a row says so, with a way to turn it back on.
 */
export function WebhooksTab({ playbookId }: { playbookId: string }) {
  const list = useWebhooks(playbookId);
  const webhooks = list.data ?? null;
  const error = list.error ? errorMessage(list.error) : null;
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  return (
    <div className="webhooks-tab">
      {secret ? (
        <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />
      ) : (
        <AddWebhookForm playbookId={playbookId} onAdded={(webhook) => setSecret({ url: webhook.url, secret: webhook.secret })} />
      )}
      <h3>Endpoints</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!webhooks && !error && <p className="loading">Loading webhooks…</p>}
      {webhooks?.length === 0 && <p className="empty">No webhooks yet.</p>}
      {webhooks && webhooks.length > 0 && (
        <ul className={styles.webhookList} aria-label="Webhooks">
          {webhooks.map((webhook) => (
            <WebhookItem key={webhook.id} playbookId={playbookId} webhook={webhook} />
          ))}
        </ul>
      )}
    </div>
  );
}
