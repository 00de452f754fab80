import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AccountNav } from '../account/AccountNav';
import { useAccount } from '../account/accountStore';
import { keys } from '../api/keys';
import { listPlaybooks } from '../api/playbooks';
import { Link } from '../app/Link';
import { CreatePlaybookForm } from './CreatePlaybookForm';
import styles from './home.module.css';

/** Lists the playbooks, opens one, and creates new ones. */
export function HomePage() {
  const list = useQuery({ queryKey: keys.playbooks, queryFn: listPlaybooks });
  const playbooks = list.data;
  const error = list.error?.message;
  const account = useAccount();
  // Workspace viewers read and follow playbooks; they do not create them.
  const mayCreate = account.status === 'signed-in' && account.person.role !== 'viewer';

  useEffect(() => {
    document.title = 'Fullcourt';
  }, []);

  return (
    <main className={`page ${styles.home}`}>
      <AccountNav />
      <header>
        <h1>Fullcourt</h1>
        <p className="lede">One playbook for marketing and sales, written together.</p>
      </header>
      {mayCreate && <CreatePlaybookForm />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section aria-labelledby="playbooks-heading">
        <h2 id="playbooks-heading">Playbooks</h2>
        {playbooks === undefined ? (
          !error && <p aria-live="polite">Loading…</p>
        ) : playbooks.length === 0 ? (
          <p>No playbooks yet. Create the first one above.</p>
        ) : (
          <ul className={styles.playbooks}>
            {playbooks.map((p) => (
              <li key={p.id}>
                <Link className={styles.title} to={{ name: 'editor', playbookId: p.id, section: 'stages' }}>
                  {p.title}
                </Link>
                <span className="meta">edited {new Date(p.updatedAt).toLocaleString()}</span>
                <Link className="quiet" to={{ name: 'reader', playbookId: p.id, stageId: null }} aria-label={`Read ${p.title}`}>
                  Read
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
