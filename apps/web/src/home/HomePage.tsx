import { type FormEvent, useEffect, useState } from 'react';
import { createPlaybook, listPlaybooks, type PlaybookSummary } from '../api/playbooks';

/** Lists the playbooks and creates new ones. */
export function HomePage() {
  const [playbooks, setPlaybooks] = useState<PlaybookSummary[] | undefined>();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    listPlaybooks().then(setPlaybooks, (e: Error) => setError(e.message));
  }, []);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await createPlaybook(title);
      setPlaybooks((list) => [created, ...(list ?? [])]);
      setTitle('');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <main className="page">
      <header>
        <h1>Fullcourt</h1>
        <p className="lede">One playbook for marketing and sales, written together.</p>
      </header>
      <form onSubmit={onCreate} className="create" aria-label="Create a playbook">
        <label htmlFor="new-title">Playbook title</label>
        <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="FY27 revenue playbook" required />
        <button type="submit">Create playbook</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section aria-labelledby="playbooks-heading">
        <h2 id="playbooks-heading">Playbooks</h2>
        {playbooks === undefined ? (
          <p aria-live="polite">Loading…</p>
        ) : playbooks.length === 0 ? (
          <p>No playbooks yet. Create the first one above.</p>
        ) : (
          <ul className="playbooks">
            {playbooks.map((p) => (
              <li key={p.id}>
                <span className="title">{p.title}</span>
                <span className="meta">edited {new Date(p.updatedAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
