import { useEffect, useState } from 'react';
import { errorMessage } from '../api/request';
import { listWebhooks, type Webhook } from '../api/webhooks';
import { AddWebhookForm } from './AddWebhookForm';
import { SecretOnce } from './SecretOnce';
import { WebhookItem } from './WebhookItem';
import { mergeWebhookLists } from './webhookDisplay';

/** The server turns a webhook off after failures in a row; reading the list again now and then shows it without a reload. */
const REFRESH_MS = 10_000;

/**
 * The endpoints told about this playbook's versions. Deliveries run in the server's background,
 * so a paused or failing endpoint never gets in the way of editing; the log shows how each went,
 * and an endpoint the server turned off after failures in a row says so, with a way to turn it back on.
 */
export function WebhooksTab({ playbookId }: { playbookId: string }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function refresh() {
      try {
        const items = await listWebhooks(playbookId);
        if (!current) return;
        setWebhooks((shown) => mergeWebhookLists(shown, items));
        setError(null);
      } catch (e) {
        if (current) setError(errorMessage(e));
      }
      if (current) timer = setTimeout(refresh, REFRESH_MS);
    }
    void refresh();
    return () => {
      current = false;
      clearTimeout(timer);
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
