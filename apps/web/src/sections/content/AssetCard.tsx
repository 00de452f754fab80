import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { assetFormatLabels, type ContentAsset } from '@fullcourt/playbook';
import { memo, useMemo } from 'react';
import { RenderProbe } from '../../editor/RenderProbe';
import { useRecord } from '../../editor/useCollaboration';
import shared from '../section.module.css';
import styles from './content.module.css';
import { type Cell, cellKey, isReviewOverdue } from './contentCells';

interface Props {
  id: string;
  /** The cell this card sits in (the same asset can show in several); no stage for the unmapped list. */
  stageId: string | null;
  personaId: string | null;
  today: string;
  onEdit: (assetId: string) => void;
}

/** One asset, reading its own record: editing another asset does not re-render it (memo). */
export const AssetCard = memo(function AssetCard({ id, stageId, personaId, today, onEdit }: Props) {
  const asset = useRecord('content', id);
  const cell = useMemo(() => (stageId === null ? null : { stageId, personaId }), [stageId, personaId]);
  return asset ? <AssetCardBody asset={asset} cell={cell} today={today} onEdit={onEdit} /> : null;
});

/** Its title opens its details, its link opens the asset, its handle moves it. */
function AssetCardBody({
  asset,
  cell,
  today,
  onEdit,
}: {
  asset: ContentAsset;
  cell: Cell | null;
  today: string;
  onEdit: (assetId: string) => void;
}) {
  const title = asset.title || 'Untitled asset';
  const overdue = isReviewOverdue(asset, today);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: cell ? `${asset.id}@${cellKey(cell)}` : `${asset.id}@unmapped`,
    data: { assetId: asset.id, from: cell },
    disabled: cell === null,
  });
  return (
    <RenderProbe id={`asset:${asset.id}${cell ? `@${cellKey(cell)}` : ''}`}>
      <li
        ref={setNodeRef}
        className={[styles.assetCard, overdue && styles.overdue, isDragging && styles.dragging].filter(Boolean).join(' ')}
        style={{ transform: CSS.Translate.toString(transform) }}
      >
        {cell && (
          <button
            type="button"
            className={`${shared.dragHandle} ${styles.assetHandle}`}
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Move ${title}`}
          >
            ⠿
          </button>
        )}
        <div className={styles.assetBody}>
          <button type="button" className={styles.assetTitle} onClick={() => onEdit(asset.id)} aria-label={`Edit ${title}`}>
            {title}
          </button>
          <span className={styles.assetMeta}>
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
          {overdue && <span className={styles.overdueBadge}>Review overdue since {asset.reviewBy}</span>}
        </div>
      </li>
    </RenderProbe>
  );
}
