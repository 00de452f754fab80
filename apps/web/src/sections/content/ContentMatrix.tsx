import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { ContentMatrix as Matrix } from '@fullcourt/playbook';
import { memo, type ReactNode } from 'react';
import { useSession } from '../../editor/useCollaboration';
import { AssetCard } from './AssetCard';
import { arrowDirection, nextCell } from './cellNavigation';
import styles from './content.module.css';
import { type Cell, cellKey, moveLinks, parseCellKey } from './contentCells';

interface Props {
  /** The layout (useContentMap): which assets sit in which cell. */
  matrix: Matrix;
  today: string;
  onEdit: (assetId: string) => void;
  onAdd: (cell: Cell) => void;
}

/**
 * The content map: stages down, personas across, each cell listing its assets. Cards are dragged
 * between cells (or moved from the keyboard with their handle: Space, arrows, Space); each card's
 * details also list its stages and personas as checkboxes.
 */
export const ContentMatrix = memo(function ContentMatrix({ matrix, today, onEdit, onAdd }: Props) {
  const session = useSession();
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));

  function onDragEnd({ active, over }: DragEndEvent) {
    const data = active.data.current as { assetId: string; from: Cell } | undefined;
    const to = over ? parseCellKey(String(over.id)) : null;
    const asset = data && session.state.record('content', data.assetId);
    if (!data || !to || !asset) return;
    const changes = moveLinks(asset, data.from, to);
    session.edit(() => {
      const { playbook } = session;
      if (changes.unlinkStage) playbook.unlinkAsset(asset.id, { stageId: changes.unlinkStage });
      if (changes.linkStage) playbook.linkAsset(asset.id, { stageId: changes.linkStage });
      if (changes.unlinkPersona) playbook.unlinkAsset(asset.id, { personaId: changes.unlinkPersona });
      if (changes.linkPersona) playbook.linkAsset(asset.id, { personaId: changes.linkPersona });
    });
  }

  const cards = (ids: readonly string[], cell: Cell) =>
    ids.map((id) => <AssetCard key={id} id={id} stageId={cell.stageId} personaId={cell.personaId} today={today} onEdit={onEdit} />);

  const nameOf = (name: string, fallback: string) => name.trim() || fallback;
  const stageName = (cell: Cell) => nameOf(matrix.stages.find((s) => s.id === cell.stageId)?.name ?? '', 'unnamed stage');
  const personaName = (cell: Cell) =>
    cell.personaId === null ? 'any persona' : nameOf(matrix.personas.find((p) => p.id === cell.personaId)?.name ?? '', 'unnamed persona');

  const announce = (id: string | number | undefined) => {
    const cell = id === undefined ? null : parseCellKey(String(id));
    return cell ? `${stageName(cell)}, ${personaName(cell)}` : 'no cell';
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: () => 'Picked up an asset. Use the arrow keys to move it over a cell, Space to drop it.',
          onDragOver: ({ over }) => `Over ${announce(over?.id)}.`,
          onDragEnd: ({ over }) => (over ? `Moved to ${announce(over.id)}.` : 'Dropped outside the map; nothing moved.'),
          onDragCancel: () => 'Move cancelled.',
        },
      }}
    >
      <div className="table-scroll">
        <table className={styles.contentMatrix} aria-label="Content map">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {matrix.personas.map((p) => (
                <th scope="col" key={p.id}>
                  {nameOf(p.name, 'Unnamed persona')}
                </th>
              ))}
              <th scope="col">Any persona</th>
            </tr>
          </thead>
          <tbody>
            {matrix.stages.map((stage) => (
              <tr key={stage.id}>
                <th scope="row">{nameOf(stage.name, 'Unnamed stage')}</th>
                {matrix.personas.map((persona) => {
                  const cell = { stageId: stage.id, personaId: persona.id };
                  return (
                    <DropCell key={persona.id} cell={cell} label={`${stageName(cell)} × ${personaName(cell)}`} onAdd={onAdd}>
                      {cards(matrix.cells[stage.id]?.[persona.id] ?? [], cell)}
                    </DropCell>
                  );
                })}
                <DropCell
                  cell={{ stageId: stage.id, personaId: null }}
                  label={`${nameOf(stage.name, 'unnamed stage')} × any persona`}
                  onAdd={onAdd}
                >
                  {cards(matrix.anyPersona[stage.id] ?? [], { stageId: stage.id, personaId: null })}
                </DropCell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DndContext>
  );
});

const POINTER = { activationConstraint: { distance: 6 } };

function DropCell({ cell, label, onAdd, children }: { cell: Cell; label: string; onAdd: (cell: Cell) => void; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: cellKey(cell) });
  return (
    <td ref={setNodeRef} className={isOver ? styles.dropOver : undefined}>
      <ul className={styles.assetList} aria-label={`Assets for ${label}`}>
        {children}
      </ul>
      <button type="button" className="link-button" onClick={() => onAdd(cell)} aria-label={`Add asset for ${label}`}>
        + Add
      </button>
    </td>
  );
}

/** Arrow keys move a picked-up card one cell at a time (dnd-kit's default moves it a few pixels). */
const cellByCell: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers, over } }) => {
  const direction = arrowDirection(event.code);
  if (!direction || !collisionRect) return undefined;
  event.preventDefault();
  const from = (over && droppableRects.get(over.id)) || collisionRect;
  const cells = droppableContainers.getEnabled().flatMap((container) => {
    const box = droppableRects.get(container.id);
    return box ? [{ id: container.id, box }] : [];
  });
  const target = nextCell(from, cells, direction);
  const box = target === null ? undefined : droppableRects.get(target);
  if (!box) return undefined;
  // Centre the card on the cell, so the closest-centre collision picks that cell.
  return { x: box.left + (box.width - collisionRect.width) / 2, y: box.top + (box.height - collisionRect.height) / 2 };
};

const KEYBOARD = { coordinateGetter: cellByCell };
