import type { Playbook } from '@fullcourt/playbook';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/request';
import { readVersion, type VersionSummary } from '../api/versions';
import { PlaybookArticle } from '../reader/PlaybookArticle';
import { ReaderContext } from '../reader/useReaderPlaybook';
import { versionName } from './timeline';
import { ViewBar } from './ViewBar';
import '../reader/reader.css';

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
  const [playbook, setPlaybook] = useState<Playbook | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    readVersion(playbookId, version.number).then(
      (read) => current && setPlaybook(read.playbook),
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [playbookId, version.number]);

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
        <div className="version-preview">
          <ReaderContext.Provider value={playbook}>
            <PlaybookArticle playbookId={playbookId} linkStages={false} />
          </ReaderContext.Provider>
        </div>
      )}
    </section>
  );
}
