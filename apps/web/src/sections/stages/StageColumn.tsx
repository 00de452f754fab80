import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type BuyerStage, fieldTextLimit, TeamSchema, teamLabels } from '@fullcourt/playbook';
import { memo } from 'react';
import { FindingList } from '../../editor/FindingList';
import { LazyRichTextField } from '../../editor/LazyRichTextField';
import { RenderProbe } from '../../editor/RenderProbe';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useSession } from '../../editor/useCollaboration';
import { EditableList } from '../../ui/EditableList';
import { EnumSelect } from '../../ui/EnumSelect';
import { TextInput } from '../../ui/TextInput';
import shared from '../section.module.css';
import { stageLabel } from './stageOrder';
import styles from './stages.module.css';

interface Props {
  id: string;
  index: number;
  autoFocus: boolean;
}

/**
 * One buyer stage, reading its own record and findings: typing in one column re-renders that
 * column alone (memo keeps the others, whose props are their id and position).
 */
export const StageColumn = memo(function StageColumn({ id, index, autoFocus }: Props) {
  const stage = useRecord('stages', id);
  // A stage deleted by a peer disappears with the board's next render.
  return stage ? <StageCard stage={stage} index={index} autoFocus={autoFocus} /> : null;
});

/** The stage's name and owner, the buyer's goal, criteria and signals, each team's plays, and notes. */
function StageCard({ stage, index, autoFocus }: { stage: BuyerStage; index: number; autoFocus: boolean }) {
  const session = useSession();
  const mine = useItemFindings(stage.id);
  const deleteUndoably = useUndoableDelete();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  const label = stageLabel(stage.name, index);
  const update = (patch: Parameters<typeof session.playbook.stages.update>[1]) =>
    session.edit(() => session.playbook.stages.update(stage.id, patch));

  return (
    <RenderProbe id={`stage:${stage.id}`}>
      <li
        ref={setNodeRef}
        className={isDragging ? `${styles.stageColumn} ${styles.dragging}` : styles.stageColumn}
        style={{ transform: CSS.Translate.toString(transform), transition }}
        aria-label={label}
      >
        <div className={styles.stageHead}>
          <button
            type="button"
            className={shared.dragHandle}
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Reorder ${label}`}
          >
            ⠿
          </button>
          <span className={styles.stageNumber} aria-hidden="true">
            {index + 1}
          </span>
          <TextInput
            source={{ collection: 'stages', id: stage.id, path: 'name' }}
            label="Stage name"
            hideLabel
            placeholder="Stage name"
            className={styles.stageName}
            autoFocus={autoFocus}
          />
          <button
            type="button"
            className="icon danger"
            aria-label={`Delete ${label}`}
            onClick={() => deleteUndoably(`${label} deleted.`, () => session.playbook.stages.delete(stage.id))}
          >
            Delete
          </button>
        </div>
        <FindingList findings={mine} label={`Findings for ${label}`} />
        <EnumSelect
          label="Owner"
          options={TeamSchema.options}
          labels={teamLabels}
          value={stage.owner}
          onChange={(owner) => update({ owner })}
        />
        <TextInput source={{ collection: 'stages', id: stage.id, path: 'goal' }} label="Buyer's goal" multiline />
        <EditableList
          label="Entry criteria"
          itemLabel="Entry criterion"
          items={stage.entryCriteria}
          maxLength={fieldTextLimit('stages', 'entryCriteria')}
          onChange={(entryCriteria) => update({ entryCriteria })}
        />
        <EditableList
          label="Exit signals"
          itemLabel="Exit signal"
          items={stage.exitSignals}
          maxLength={fieldTextLimit('stages', 'exitSignals')}
          onChange={(exitSignals) => update({ exitSignals })}
        />
        <EditableList
          label="Marketing plays"
          itemLabel="Marketing play"
          items={stage.plays.marketing}
          maxLength={fieldTextLimit('stages', 'plays.marketing')}
          onChange={(marketing) => update({ plays: { ...stage.plays, marketing } })}
        />
        <EditableList
          label="Sales plays"
          itemLabel="Sales play"
          items={stage.plays.sales}
          maxLength={fieldTextLimit('stages', 'plays.sales')}
          onChange={(sales) => update({ plays: { ...stage.plays, sales } })}
        />
        <div className={styles.notes}>
          <h4>Notes</h4>
          <LazyRichTextField
            source={{ collection: 'stages', id: stage.id, path: 'notes' }}
            label={`Notes for ${label.replace(/^Stage /, 'stage ')}`}
            markdown={stage.notes.markdown}
          />
        </div>
      </li>
    </RenderProbe>
  );
}
