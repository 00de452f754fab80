import { useEffect } from 'react';
import { Link } from '../app/Link';
import { PlaybookArticle } from './PlaybookArticle';
import { ReaderSearch } from './ReaderSearch';
import { ReaderToc } from './ReaderToc';
import styles from './reader.module.css';
import { StagePage } from './StagePage';
import { ReaderContext, useReaderPlaybook } from './useReaderPlaybook';

const statusWords = {
  loading: 'Loading…',
  live: 'Up to date',
  stale: 'Offline — showing the last copy',
  missing: 'Not found',
} as const;

/**
 * The playbook as a new hire reads it: contents on the left, search at the top, one calm column of
 * text, and a page per buyer stage. Read-only and kept current (the server pushes each change made in
 * the editor, a few times a second at most while someone types), and it prints cleanly.
 */
export function ReaderPage({ playbookId, stageId }: { playbookId: string; stageId: string | null }) {
  const { playbook, status } = useReaderPlaybook(playbookId);
  const title = playbook?.title || 'Untitled playbook';

  useEffect(() => {
    document.title = `${title} · Read · Fullcourt`;
  }, [title]);

  // Land at the top of a stage page, or at the anchor a shared link points to.
  const ready = playbook !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page changes or first loads.
  useEffect(() => {
    if (!ready) return;
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [stageId, ready]);

  if (status === 'missing') {
    return (
      <main className="page">
        <h1>Playbook not found</h1>
        <p>There is no playbook at this address.</p>
        <Link to={{ name: 'home' }}>See all playbooks</Link>
      </main>
    );
  }
  if (!playbook) return <p className="page loading">Opening playbook…</p>;

  return (
    <ReaderContext.Provider value={playbook}>
      <div className={styles.reader}>
        <header className={styles.readerHeader}>
          <Link to={{ name: 'home' }} className="brand">
            Fullcourt
          </Link>
          <ReaderSearch playbookId={playbookId} onStagePage={stageId !== null} />
          <p role="status" aria-label="Freshness">
            {statusWords[status]}
          </p>
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
          <Link to={{ name: 'editor', playbookId, section: 'stages' }} className={styles.editLink}>
            Edit
          </Link>
        </header>
        <ReaderToc playbookId={playbookId} currentStageId={stageId} />
        <main className={styles.readerMain} id="main">
          {stageId === null ? <PlaybookArticle playbookId={playbookId} /> : <StagePage playbookId={playbookId} stageId={stageId} />}
        </main>
      </div>
    </ReaderContext.Provider>
  );
}
