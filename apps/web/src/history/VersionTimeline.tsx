import { useId } from 'react';
import type { VersionSummary } from '../api/versions';
import styles from './history.module.css';
import { groupTimeline, versionName } from './timeline';
import { useNow } from './useNow';
import { describeWhen } from './when';

/** What a person can do with one version; each opens a view or a confirmation. */
export interface VersionActions {
  onPreview: (version: VersionSummary) => void;
  onCompare: (version: VersionSummary) => void;
  /** Absent for people who may not publish or restore (editors and viewers). */
  onPublish?: (version: VersionSummary) => void;
  onRestore?: (version: VersionSummary) => void;
}

interface Props extends VersionActions {
  versions: readonly VersionSummary[];
  showCheckpoints: boolean;
}

/** Button ids, so focus can come back to the button that opened a view. */
export const actionId = (action: 'preview' | 'compare', number: number) => `version-${number}-${action}`;

/** Versions and checkpoints by day, newest first: who saved what and when, and what can be done with each. */
export function VersionTimeline({ versions, showCheckpoints, ...actions }: Props) {
  const now = useNow();
  const days = groupTimeline(versions, { showCheckpoints, now });
  return (
    <ol className={styles.timeline} aria-label="Versions, newest first">
      {days.map((day) => (
        <li key={day.key} className={styles.timelineDay}>
          <h4>{day.heading}</h4>
          <ul>
            {day.entries.map((version) => (
              <VersionEntry key={version.number} version={version} now={now} {...actions} />
            ))}
          </ul>
          {day.hiddenCheckpoints > 0 && (
            <p className={styles.hiddenCheckpoints}>
              {day.hiddenCheckpoints} {day.hiddenCheckpoints === 1 ? 'checkpoint' : 'checkpoints'} hidden
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function VersionEntry({
  version,
  now,
  onPreview,
  onCompare,
  onPublish,
  onRestore,
}: VersionActions & { version: VersionSummary; now: Date }) {
  const labelId = useId();
  const when = describeWhen(version.createdAt, now);
  const name = versionName(version);
  const checkpoint = version.kind === 'checkpoint';
  return (
    <li className={`${styles.version} ${checkpoint ? styles.versionCheckpoint : styles.versionNamed}`} aria-labelledby={labelId}>
      <div className={styles.versionHead}>
        <strong id={labelId} className={styles.versionLabel}>
          {version.label}
        </strong>
        {version.published && <span className={`badge ${styles.badgePublished}`}>Published</span>}
        <span className={styles.versionNumber}>{checkpoint ? `Checkpoint · v${version.number}` : `v${version.number}`}</span>
      </div>
      {version.note && <p className={styles.versionNote}>{version.note}</p>}
      <p className={styles.versionMeta}>
        {version.author} · <time dateTime={version.createdAt}>{when.relative}</time> · <span>{when.absolute}</span>
      </p>
      <div className={styles.versionActions}>
        <button
          type="button"
          className="link-button"
          id={actionId('preview', version.number)}
          aria-label={`Preview ${name}`}
          onClick={() => onPreview(version)}
        >
          Preview
        </button>
        <button
          type="button"
          className="link-button"
          id={actionId('compare', version.number)}
          aria-label={`Compare ${name} with live`}
          onClick={() => onCompare(version)}
        >
          Compare with live
        </button>
        {onPublish && !version.published && (
          <button type="button" className="link-button" aria-label={`Publish ${name}`} onClick={() => onPublish(version)}>
            Publish…
          </button>
        )}
        {onRestore && (
          <button type="button" className="link-button" aria-label={`Restore ${name}`} onClick={() => onRestore(version)}>
            Restore…
          </button>
        )}
      </div>
    </li>
  );
}
