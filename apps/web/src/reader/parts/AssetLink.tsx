import { assetFormatLabels, type ContentAsset } from '@fullcourt/playbook';
import { localToday } from '../../app/today';
import { isReviewOverdue } from '../../sections/content/contentCells';

/** An asset as a reader meets it: its title links to it; an overdue review is said out loud. */
export function AssetLink({ asset }: { asset: ContentAsset }) {
  const title = asset.title || 'Untitled asset';
  const safe = /^https?:\/\//i.test(asset.url);
  return (
    <span className="asset-link">
      {safe ? (
        <a href={asset.url} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        title
      )}{' '}
      <span className="meta">({assetFormatLabels[asset.format]})</span>
      {isReviewOverdue(asset, localToday()) && <span className="overdue-badge"> review overdue</span>}
    </span>
  );
}
