import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useState } from 'react';
import { useRecordIds, useSession } from '../../editor/useCollaboration';
import shared from '../section.module.css';
import { StageColumn } from './StageColumn';
import { moveTarget, stageLabel } from './stageOrder';
import styles from './stages.module.css';

const POINTER = { activationConstraint: { distance: 6 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

/**
 * The buyer's journey as a board of columns in order. Columns are reordered by dragging their
 * handle, or from the keyboard: focus the handle, Space to pick up, arrows to move, Space to drop.
 */
export function StageBoard() {
  const session = useSession();
  // Only the ids: typing in a stage re-renders that column (it reads its own record), not the board.
  const ids = useRecordIds('stages');
  const [focusStageId, setFocusStageId] = useState<string | null>(null);
  // Options as constants: new sensors would change dnd-kit's context and re-render every column.
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  const nameOf = (id: string | number) => stageLabel(session.state.record('stages', String(id))?.name ?? '', ids.indexOf(String(id)));
  const position = (id: string | number | undefined) => `position ${ids.indexOf(String(id)) + 1} of ${ids.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, ${position(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over ${position(over.id)}.` : `${nameOf(active.id)} is not over a place.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${nameOf(active.id)} at ${position(over.id)}.` : `Dropped ${nameOf(active.id)} where it was.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    const target = over ? moveTarget(ids, String(active.id), String(over.id)) : null;
    if (target) session.edit(() => session.playbook.stages.move(String(active.id), target));
  }

  function addStage() {
    let id = '';
    session.edit(() => {
      id = session.playbook.stages.add({ name: '' });
    });
    setFocusStageId(id);
  }

  return (
    <div>
      <div className={shared.sectionActions}>
        <button type="button" onClick={addStage}>
          Add stage
        </button>
      </div>
      {ids.length === 0 && <p className="empty">No buyer stages yet. Add the first step of your buyer's journey.</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To reorder a stage, press Space to pick it up, the arrow keys to move it, Space again to drop it, or Escape to cancel.',
          },
        }}
      >
        <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
          <ol className={styles.stageBoard} aria-label="Buyer stages in order">
            {ids.map((id, index) => (
              <StageColumn key={id} id={id} index={index} autoFocus={id === focusStageId} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}
