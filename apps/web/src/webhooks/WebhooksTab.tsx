import { useEffect, useState } from 'react';
import { errorMessage } from '../api/request';
import { listWebhooks, type Webhook } from '../api/webhooks';
import { AddWebhookForm } from './AddWebhookForm';
import { SecretOnce } from './SecretOnce';
import { WebhookItem } from './WebhookItem';

/**
 * The endpoints told about this playbook's versions. Deliveries run in the server's background,
 * so a paused or failing endpoint never gets in the way of editing; the log shows how each went.
 */
export function WebhooksTab({ playbookId }: { playbookId: string }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  useEffect(() => {
    let current = true;
    listWebhooks(playbookId).then(
      (items) => current && setWebhooks(items),
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [playbookId]);

  return (
    <div className="webhooks-tab">
      {secret ? (
        <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />
      ) : (
        <AddWebhookForm
          playbookId={playbookId}
          onAdded={({ secret: value, ...webhook }) => {
            setWebhooks((list) => [...(list ?? []), webhook]);
            setSecret({ url: webhook.url, secret: value });
          }}
        />
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
        <ul className="webhook-list" aria-label="Webhooks">
          {webhooks.map((webhook) => (
            <WebhookItem
              key={webhook.id}
              playbookId={playbookId}
              webhook={webhook}
              onChanged={(changed) => setWebhooks((list) => list?.map((w) => (w.id === changed.id ? changed : w)) ?? null)}
              onDeleted={(id) => setWebhooks((list) => list?.filter((w) => w.id !== id) ?? null)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
