import { useState } from 'react';
import { localToday } from '../../app/today';
import { usePlaybookState, useSession } from '../../editor/useCollaboration';
import { AssetCard } from './AssetCard';
import { AssetPanel } from './AssetPanel';
import { ContentMatrix } from './ContentMatrix';
import type { Cell } from './contentCells';

/** The content map with the details of the asset being edited beside it, and the assets mapped nowhere. */
export function ContentSection() {
  const session = useSession();
  const { content, stages } = usePlaybookState();
  const [openId, setOpenId] = useState<string | null>(null);
  const today = localToday();
  const open = content.find((a) => a.id === openId) ?? null;
  const stageIds = new Set<string>(stages.map((s) => s.id));
  const unmapped = content.filter((a) => !a.stageIds.some((id) => stageIds.has(id)));

  function add(cell: Cell) {
    let id = '';
    session.edit(() => {
      id = session.playbook.content.add({ title: '', stageIds: [cell.stageId], personaIds: cell.personaId ? [cell.personaId] : [] });
    });
    setOpenId(id);
  }

  return (
    <div className={`content-section${open ? ' with-panel' : ''}`}>
      <div className="content-main">
        {stages.length === 0 ? (
          <p className="empty">Add buyer stages first: the content map lists assets per stage and persona.</p>
        ) : (
          <ContentMatrix today={today} onEdit={setOpenId} onAdd={add} />
        )}
        {unmapped.length > 0 && (
          <section aria-labelledby="unmapped-heading" className="unmapped">
            <h3 id="unmapped-heading">Not mapped to a stage</h3>
            <ul className="asset-list">
              {unmapped.map((asset) => (
                <AssetCard key={asset.id} asset={asset} cell={null} today={today} onEdit={setOpenId} />
              ))}
            </ul>
          </section>
        )}
      </div>
      {open && <AssetPanel asset={open} today={today} onClose={() => setOpenId(null)} />}
    </div>
  );
}
