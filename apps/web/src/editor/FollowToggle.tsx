import styles from './editor.module.css';
import type { PresenterControls } from './usePresenter';

/** Shown to people on their laptops while someone presents: follow the presenter's section, or not. */
export function FollowToggle({ controls }: { controls: PresenterControls }) {
  const { presenter, presenting, following, setFollowing } = controls;
  if (!presenter || presenting) return null;
  return (
    <label className={`toggle ${styles.followToggle}`}>
      <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} />
      Follow {presenter.name}
    </label>
  );
}
