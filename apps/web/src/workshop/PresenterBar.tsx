import type { PresenterControls } from '../editor/usePresenter';
import styles from './workshop.module.css';

interface Props {
  controls: PresenterControls;
  /** "3 of 7". */
  position: string;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** Paging and presenting: who presents, whether you follow them, and where you are in the playbook. */
export function PresenterBar({ controls, position, onPrevious, onNext }: Props) {
  const { presenter, presenting, setPresenting, following, setFollowing } = controls;
  return (
    <div className={styles.presenterBar}>
      <button type="button" className="secondary" onClick={onPrevious} disabled={!onPrevious}>
        ← Previous section
      </button>
      <span className={styles.position} aria-live="polite">
        Section {position}
      </span>
      <button type="button" className="secondary" onClick={onNext} disabled={!onNext}>
        Next section →
      </button>
      <span className={styles.pagingHint}>Page Up / Page Down or ← → to page</span>
      <label className="toggle">
        <input type="checkbox" checked={presenting} onChange={(e) => setPresenting(e.target.checked)} />
        Present to the room
      </label>
      {presenter && !presenting ? (
        <label className="toggle">
          <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} />
          Follow {presenter.name}
        </label>
      ) : (
        !presenting && <span className={styles.pagingHint}>Nobody is presenting</span>
      )}
    </div>
  );
}
