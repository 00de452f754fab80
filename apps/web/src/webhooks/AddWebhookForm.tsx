import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/request';
import type { Webhook, WebhookEvent } from '../api/webhooks';
import { useWebhookMutations } from './useWebhooks';
import { eventLabels, webhookUrlProblem } from './webhookDisplay';
import styles from './webhooks.module.css';

/** Registers an endpoint for this playbook's events; the answer carries the secret, shown once by the caller. */
export function AddWebhookForm({ playbookId, onAdded }: { playbookId: string; onAdded: (webhook: Webhook & { secret: string }) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['version.published']);
  const { add } = useWebhookMutations(playbookId);
  const saving = add.isPending;
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const urlId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = webhookUrlProblem(url) ?? (events.length === 0 ? 'Choose at least one event.' : null);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    try {
      onAdded(await add.mutateAsync({ url: url.trim(), events }));
      setUrl('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current.filter((e) => e !== event), event] : current.filter((e) => e !== event)));

  return (
    <form className={styles.addWebhook} aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>Add a webhook</h3>
      <p className="hint">Fullcourt POSTs each event as JSON to this URL, signed with the secret you get when you add it.</p>
      <div className="field">
        <label htmlFor={urlId}>Endpoint URL</label>
        <input
          id={urlId}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://crm.example.com/hooks/fullcourt"
          aria-invalid={error !== null && webhookUrlProblem(url) !== null}
          aria-describedby={error ? errorId : undefined}
          autoComplete="url"
        />
      </div>
      <fieldset>
        <legend>Send when</legend>
        {(Object.keys(eventLabels) as WebhookEvent[]).map((event) => (
          <label key={event} className="toggle">
            <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
            {eventLabels[event]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {saving ? 'Adding…' : 'Add webhook'}
      </button>
    </form>
  );
}
