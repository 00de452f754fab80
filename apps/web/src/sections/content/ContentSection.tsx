import { useCallback, useState } from 'react';
import { localToday } from '../../app/today';
import { useHasRecord, useSession } from '../../editor/useCollaboration';
import { AssetCard } from './AssetCard';
import { AssetPanel } from './AssetPanel';
import { ContentMatrix } from './ContentMatrix';
import styles from './content.module.css';
import type { Cell } from './contentCells';
import { useContentMap } from './useContentMap';

/** The content map with the details of the asset being edited beside it, and the assets mapped nowhere. */
export function ContentSection() {
  const session = useSession();
  // The layout only: typing an asset's title re-renders its card and the panel, not the map.
  const matrix = useContentMap();
  const [openId, setOpenId] = useState<string | null>(null);
  const today = localToday();
  const open = useHasRecord('content', openId) ? openId : null;
  const close = useCallback(() => setOpenId(null), []);

  const add = useCallback(
    (cell: Cell) => {
      let id = '';
      session.edit(() => {
        id = session.playbook.content.add({ title: '', stageIds: [cell.stageId], personaIds: cell.personaId ? [cell.personaId] : [] });
      });
      setOpenId(id);
    },
    [session],
  );

  return (
    <div className={open ? `${styles.contentSection} ${styles.withPanel}` : styles.contentSection}>
      <div>
        {matrix.stages.length === 0 ? (
          <p className="empty">Add buyer stages first: the content map lists assets per stage and persona.</p>
        ) : (
          <ContentMatrix matrix={matrix} today={today} onEdit={setOpenId} onAdd={add} />
        )}
        {matrix.unmapped.length > 0 && (
          <section aria-labelledby="unmapped-heading" className={styles.unmapped}>
            <h3 id="unmapped-heading">Not mapped to a stage</h3>
            <ul className={styles.assetList}>
              {matrix.unmapped.map((id) => (
                <AssetCard key={id} id={id} stageId={null} personaId={null} today={today} onEdit={setOpenId} />
              ))}
            </ul>
          </section>
        )}
      </div>
      {open && <AssetPanel id={open} today={today} onClose={close} />}
    </div>
  );
}
