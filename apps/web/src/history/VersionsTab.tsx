import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../api/keys';
import { getSharing } from '../api/sharing';
import type { VersionRef, VersionSummary } from '../api/versions';
import { CompareView } from './CompareView';
import styles from './history.module.css';
import { PublishDialog } from './PublishDialog';
import { RestoreDialog } from './RestoreDialog';
import { SaveVersionForm } from './SaveVersionForm';
import { versionName } from './timeline';
import { useVersions } from './useVersions';
import { VersionPreview } from './VersionPreview';
import { actionId, VersionTimeline } from './VersionTimeline';

type View =
  | { name: 'timeline'; returnTo?: string }
  | { name: 'preview'; version: VersionSummary }
  | { name: 'compare'; from: VersionRef; to: VersionRef; returnTo: string };

type Confirming = { action: 'publish' | 'restore'; version: VersionSummary } | null;

/** What just happened, said once in the panel's status line; a restore offers its own undo. */
interface Notice {
  message: string;
  undo?: VersionSummary;
}

interface Props {
  playbookId: string;
  /** Widens the panel for reading (previews and comparisons). */
  onWide: (wide: boolean) => void;
  onRestored: (version: VersionSummary) => void;
}

/** Saving, browsing, comparing, publishing and restoring versions. */
export function VersionsTab({ playbookId, onWide, onRestored }: Props) {
  const versions = useVersions(playbookId);
  const [view, setView] = useState<View>({ name: 'timeline' });
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [showCheckpoints, setShowCheckpoints] = useState(true);
  // Saving takes an editor, publishing and restoring a manager: others see the history without those buttons.
  const sharing = useQuery({ queryKey: keys.sharing(playbookId), queryFn: () => getSharing(playbookId) });
  const youCan = sharing.data?.youCan ?? { edit: false, publish: false };

  useEffect(() => onWide(view.name !== 'timeline'), [view.name, onWide]);

  // Back on the timeline, the keyboard continues from the button that left it.
  const returnTo = view.name === 'timeline' ? view.returnTo : undefined;
  useEffect(() => {
    if (returnTo) document.getElementById(returnTo)?.focus();
  }, [returnTo]);

  // A notice is about the last action; opening a view starts something else.
  const preview = (version: VersionSummary) => {
    setNotice(null);
    setView({ name: 'preview', version });
  };
  const compare = (version: VersionSummary) => {
    setNotice(null);
    setView({ name: 'compare', from: version.number, to: 'live', returnTo: actionId('compare', version.number) });
  };
  const publish = (version: VersionSummary) => setConfirming({ action: 'publish', version });
  const restore = (version: VersionSummary) => setConfirming({ action: 'restore', version });
  const back = () => {
    if (view.name === 'preview') setView({ name: 'timeline', returnTo: actionId('preview', view.version.number) });
    else if (view.name === 'compare') setView({ name: 'timeline', returnTo: view.returnTo });
  };

  return (
    <div className="versions-tab">
      <p className={styles.historyNotice} role="status">
        {notice?.message}
      </p>
      {notice?.undo && (
        <button type="button" className={`secondary ${styles.undoRestore}`} onClick={() => notice.undo && restore(notice.undo)}>
          Undo restore…
        </button>
      )}

      {view.name === 'preview' && (
        <VersionPreview
          playbookId={playbookId}
          version={view.version}
          onBack={back}
          onCompare={compare}
          onRestore={youCan.publish ? restore : undefined}
        />
      )}
      {view.name === 'compare' && (
        <CompareView
          playbookId={playbookId}
          versions={versions.items}
          from={view.from}
          to={view.to}
          onChange={(from, to) => setView({ ...view, from, to })}
          onBack={back}
        />
      )}
      {view.name === 'timeline' && (
        <div className="timeline-view">
          {youCan.edit && (
            <SaveVersionForm
              playbookId={playbookId}
              onSaved={(version) => {
                setNotice({ message: `Saved ${versionName(version)}.` });
              }}
            />
          )}
          <div className={styles.timelineHead}>
            <h3>Timeline</h3>
            <label className="toggle">
              <input type="checkbox" checked={showCheckpoints} onChange={(e) => setShowCheckpoints(e.target.checked)} />
              Show checkpoints
            </label>
          </div>
          {versions.status === 'loading' && <p className="loading">Loading versions…</p>}
          {versions.error && (
            <p className="error" role="alert">
              {versions.error}
            </p>
          )}
          {versions.status === 'ready' && versions.items.length === 0 && (
            <p className="empty">No versions yet. Save one above; the server also keeps checkpoints once editing goes quiet.</p>
          )}
          <VersionTimeline
            versions={versions.items}
            showCheckpoints={showCheckpoints}
            onPreview={preview}
            onCompare={compare}
            onPublish={youCan.publish ? publish : undefined}
            onRestore={youCan.publish ? restore : undefined}
          />
          {versions.hasOlder && (
            <button type="button" className="secondary" disabled={versions.loadingOlder} onClick={() => void versions.loadOlder()}>
              {versions.loadingOlder ? 'Loading…' : 'Show older versions'}
            </button>
          )}
        </div>
      )}

      {confirming?.action === 'publish' && (
        <PublishDialog
          playbookId={playbookId}
          version={confirming.version}
          onCancel={() => setConfirming(null)}
          onPublished={(published, previous) => {
            setConfirming(null);
            setNotice({
              message: `Published ${versionName(published)}${previous ? `; version ${previous.number} is no longer published` : ''}.`,
            });
          }}
        />
      )}
      {confirming?.action === 'restore' && (
        <RestoreDialog
          playbookId={playbookId}
          version={confirming.version}
          onCancel={() => setConfirming(null)}
          onRestored={(restored, before) => {
            onRestored(restored);
            setConfirming(null);
            setView({ name: 'timeline' });
            setNotice({
              message: `Restored ${versionName(restored)}. The state before it is saved as ${versionName(before)}.`,
              undo: before,
            });
          }}
        />
      )}
    </div>
  );
}
