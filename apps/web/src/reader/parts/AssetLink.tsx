import { assetFormatLabels, type ContentAsset } from '@fullcourt/playbook';
import { localToday } from '../../app/today';
import { isReviewOverdue } from '../../sections/content/contentCells';
import styles from '../reader.module.css';

/** An asset as a reader meets it: its title links to it; an overdue review is said out loud. */
export function AssetLink({ asset }: { asset: ContentAsset }) {
  const title = asset.title || 'Untitled asset';
  const safe = /^https?:\/\//i.test(asset.url);
  return (
    <span>
      {safe ? (
        <a href={asset.url} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        title
      )}{' '}
      <span className="meta">({assetFormatLabels[asset.format]})</span>
      {isReviewOverdue(asset, localToday()) && <span className={styles.overdueBadge}> review overdue</span>}
    </span>
  );
}
