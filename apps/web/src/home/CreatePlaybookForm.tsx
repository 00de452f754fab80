import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { keys } from '../api/keys';
import { createPlaybook, type PlaybookTemplate } from '../api/playbooks';
import { navigate } from '../app/router';
import styles from './home.module.css';

/** Creates a playbook, empty or from the starter template, and opens it. */
export function CreatePlaybookForm() {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<PlaybookTemplate>('starter');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const queryClient = useQueryClient();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const created = await createPlaybook(title, template);
      void queryClient.invalidateQueries({ queryKey: keys.playbooks });
      navigate({ name: 'editor', playbookId: created.id, section: 'stages' });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className={styles.create} aria-label="Create a playbook">
      <div className="field grow">
        <label htmlFor="new-title">Playbook title</label>
        <input
          id="new-title"
          className={styles.titleInput}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="FY27 revenue playbook"
          required
        />
      </div>
      <fieldset className={styles.templateChoice}>
        <legend>Start from</legend>
        <label>
          <input type="radio" name="template" value="starter" checked={template === 'starter'} onChange={() => setTemplate('starter')} />
          Starter template
        </label>
        <label>
          <input type="radio" name="template" value="empty" checked={template === 'empty'} onChange={() => setTemplate('empty')} />
          Empty playbook
        </label>
      </fieldset>
      <button type="submit" disabled={busy}>
        Create playbook
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
