import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useContext, useId, useState } from 'react';
import * as Y from 'yjs';
import { errorMessage } from '../api/request';
import { saveVersion, type VersionSummary } from '../api/versions';
import { SessionContext } from '../editor/useCollaboration';
import styles from './history.module.css';
import { versionsChanged } from './versionsChanged';

/** Names the live playbook as a version: a label everyone will recognise, and a note on why. */
export function SaveVersionForm({ playbookId, onSaved }: { playbookId: string; onSaved: (version: VersionSummary) => void }) {
  const session = useContext(SessionContext);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: { label: string; note: string; stateVector?: string }) => saveVersion(playbookId, input),
    onSuccess: () => void versionsChanged(queryClient, playbookId),
  });
  const saving = save.isPending;
  const headingId = useId();
  const labelId = useId();
  const noteId = useId();
  const errorId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (label.trim() === '') {
      setError('Name the version, e.g. “Q3 kickoff”.');
      return;
    }
    setError(null);
    try {
      // What this editor has: the server waits for any of it still on its way before saving.
      const doc = session?.provider.doc;
      const stateVector = doc ? btoa(String.fromCharCode(...Y.encodeStateVector(doc))) : undefined;
      const version = await save.mutateAsync({ label: label.trim(), note: note.trim(), stateVector });
      setLabel('');
      setNote('');
      onSaved(version);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form className={styles.saveVersion} aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>Save a version</h3>
      <div className="field">
        <label htmlFor={labelId}>Label</label>
        <input
          id={labelId}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={120}
          required
          aria-invalid={error !== null && label.trim() === ''}
          aria-describedby={error ? errorId : undefined}
          placeholder="e.g. Q3 kickoff"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={noteId}>
          Note <span className={styles.optional}>(optional)</span>
        </label>
        <textarea
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          placeholder="e.g. Agreed in the workshop"
        />
      </div>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save version'}
      </button>
    </form>
  );
}
