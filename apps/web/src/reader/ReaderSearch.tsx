import { useDeferredValue, useId, useMemo, useState } from 'react';
import { navigate } from '../app/router';
import styles from './reader.module.css';
import { search, searchEntries } from './search';
import { useReadPlaybook } from './useReaderPlaybook';

/**
 * Search across every section. Choosing a hit goes to the full playbook and jumps to the item,
 * which takes the focus so reading (and a screen reader) continues from there.
 */
export function ReaderSearch({ playbookId, onStagePage }: { playbookId: string; onStagePage: boolean }) {
  const state = useReadPlaybook();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const entries = useMemo(() => searchEntries(state), [state]);
  const hits = useMemo(() => search(entries, deferred), [entries, deferred]);
  const id = useId();

  function jump(anchor: string) {
    setQuery('');
    if (onStagePage) navigate({ name: 'reader', playbookId, stageId: null });
    // After the full playbook has rendered (navigation re-renders synchronously enough for a frame).
    requestAnimationFrame(() => {
      const target = document.getElementById(anchor);
      if (!target) return;
      window.history.replaceState(null, '', `#${anchor}`);
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
      // A flash on an element another component rendered: the module's class, set by hand.
      const flash = styles.searchTarget;
      if (!flash) return;
      target.classList.add(flash);
      setTimeout(() => target.classList.remove(flash), 2_000);
    });
  }

  return (
    <search className={styles.readerSearch}>
      <label htmlFor={id} className="visually-hidden">
        Search the playbook
      </label>
      <input id={id} type="search" placeholder="Search the playbook…" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() !== '' && (
        <div className={styles.searchResults}>
          <p aria-live="polite" className={styles.resultCount}>
            {hits.length === 0 ? 'No matches.' : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}`}
          </p>
          {hits.length > 0 && (
            <ul aria-label="Search results">
              {hits.map((hit) => (
                <li key={hit.anchor}>
                  <button type="button" onClick={() => jump(hit.anchor)}>
                    <span className={styles.hitTitle}>
                      {hit.title} <span className={styles.hitSection}>· {hit.section}</span>
                    </span>
                    <span className={styles.hitSnippet}>
                      {hit.before}
                      <mark>{hit.match}</mark>
                      {hit.after}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </search>
  );
}
