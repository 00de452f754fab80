import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { assetFormatLabels, type ContentAsset } from '@fullcourt/playbook';
import { type Cell, cellKey, isReviewOverdue } from './contentCells';

interface Props {
  asset: ContentAsset;
  /** The cell this card sits in; the same asset can show in several. */
  cell: Cell | null;
  today: string;
  onEdit: (assetId: string) => void;
}

/** One asset in a cell: its title opens its details, its link opens the asset, its handle moves it. */
export function AssetCard({ asset, cell, today, onEdit }: Props) {
  const title = asset.title || 'Untitled asset';
  const overdue = isReviewOverdue(asset, today);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: cell ? `${asset.id}@${cellKey(cell)}` : `${asset.id}@unmapped`,
    data: { assetId: asset.id, from: cell },
    disabled: cell === null,
  });
  return (
    <li
      ref={setNodeRef}
      className={`asset-card${overdue ? ' overdue' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform) }}
    >
      {cell && (
        <button type="button" className="drag-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Move ${title}`}>
          ⠿
        </button>
      )}
      <div className="asset-body">
        <button type="button" className="asset-title" onClick={() => onEdit(asset.id)} aria-label={`Edit ${title}`}>
          {title}
        </button>
        <span className="asset-meta">
          {assetFormatLabels[asset.format]}
          {asset.url && (
            <>
              {' · '}
              <a href={asset.url} target="_blank" rel="noopener noreferrer" aria-label={`Open ${title} (new tab)`}>
                open
              </a>
            </>
          )}
        </span>
        {overdue && <span className="overdue-badge">Review overdue since {asset.reviewBy}</span>}
      </div>
    </li>
  );
}
