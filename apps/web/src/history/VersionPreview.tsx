import type { Playbook } from '@fullcourt/playbook';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { errorMessage } from '../api/request';
import { readVersion, type VersionSummary } from '../api/versions';
import { PlaybookArticle } from '../reader/PlaybookArticle';
import { ReaderContext } from '../reader/useReaderPlaybook';
import styles from './history.module.css';
import { versionName } from './timeline';
import { ViewBar } from './ViewBar';

interface Props {
  playbookId: string;
  version: VersionSummary;
  onBack: () => void;
  onCompare: (version: VersionSummary) => void;
  onRestore?: (version: VersionSummary) => void;
}

/**
 * A saved version as the reader shows it, from the version's canonical JSON: nothing here can be
 * edited, and the live editor and its shared document are never involved.
 */
export function VersionPreview({ playbookId, version, onBack, onCompare, onRestore }: Props) {
  // A saved version never changes: read once, kept while the panel is open.
  const read = useQuery({
    queryKey: keys.version(playbookId, version.number),
    queryFn: () => readVersion(playbookId, version.number),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // The route documents the canonical JSON loosely; it is the package's Playbook.
  const playbook = (read.data?.playbook as Playbook | undefined) ?? null;
  const error = read.error ? errorMessage(read.error) : null;

  const name = versionName(version);
  return (
    <section className="history-view" aria-label={`Preview of ${name}`}>
      <ViewBar title={`Preview of ${name}`} subtitle="Read-only" onBack={onBack}>
        <button type="button" className="secondary" onClick={() => onCompare(version)}>
          Compare with live
        </button>
        {onRestore && (
          <button type="button" className="secondary" onClick={() => onRestore(version)}>
            Restore…
          </button>
        )}
      </ViewBar>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!playbook && !error && <p className="loading">Loading the version…</p>}
      {playbook && (
        <div className={styles.versionPreview}>
          <ReaderContext.Provider value={playbook}>
            <PlaybookArticle playbookId={playbookId} linkStages={false} />
          </ReaderContext.Provider>
        </div>
      )}
    </section>
  );
}
