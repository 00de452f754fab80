import { BANT_KEYS, bantLabels, type LeadState, TeamSchema, teamLabels } from '@fullcourt/playbook';
import { memo } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RenderProbe } from '../../editor/RenderProbe';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useSession } from '../../editor/useCollaboration';
import { EnumSelect } from '../../ui/EnumSelect';
import { NumberInput } from '../../ui/NumberInput';
import { TextInput } from '../../ui/TextInput';
import styles from './slas.module.css';

interface Props {
  id: string;
  index: number;
  count: number;
}

/** One lifecycle state, reading its own record: an edit elsewhere does not re-render it (memo). */
export const LeadStateCard = memo(function LeadStateCard({ id, index, count }: Props) {
  const state = useRecord('lifecycle', id);
  return state ? <LeadStateBody state={state} index={index} count={count} /> : null;
});

/** What a lifecycle state means, who owns it, the score that reaches it and what BANT must hold. */
function LeadStateBody({ state, index, count }: { state: LeadState; index: number; count: number }) {
  const session = useSession();
  const findings = useItemFindings(state.id);
  const deleteUndoably = useUndoableDelete();
  const name = state.name || `state ${index + 1}`;
  const lifecycle = session.playbook.lifecycle;
  const update = (patch: Parameters<typeof lifecycle.update>[1]) => session.edit(() => lifecycle.update(state.id, patch));

  return (
    <RenderProbe id={`lead-state:${state.id}`}>
      <li className={styles.leadState} aria-label={`Lifecycle state ${name}`}>
        <div className={styles.leadStateHead}>
          <TextInput
            source={{ collection: 'lifecycle', id: state.id, path: 'name' }}
            label="State name"
            hideLabel
            className={styles.stateName}
          />
          <div className={styles.orderButtons}>
            <button
              type="button"
              className="icon"
              aria-label={`Move ${name} earlier`}
              disabled={index === 0}
              onClick={() => session.edit(() => lifecycle.move(state.id, { before: lifecycle.ids()[index - 1] as string }))}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Move ${name} later`}
              disabled={index === count - 1}
              onClick={() => session.edit(() => lifecycle.move(state.id, { after: lifecycle.ids()[index + 1] as string }))}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon danger"
              aria-label={`Delete ${name}`}
              onClick={() => deleteUndoably(`Lifecycle state ${name} deleted.`, () => lifecycle.delete(state.id))}
            >
              Delete
            </button>
          </div>
        </div>
        <FindingList findings={findings} label={`Findings for ${name}`} />
        <TextInput source={{ collection: 'lifecycle', id: state.id, path: 'definition' }} label="Definition" multiline />
        <div className="row">
          <EnumSelect
            label="Owner"
            options={TeamSchema.options}
            labels={teamLabels}
            value={state.owner}
            onChange={(owner) => update({ owner })}
          />
          <NumberInput
            label="Score threshold"
            nullable
            value={state.scoreThreshold}
            onChange={(scoreThreshold) => update({ scoreThreshold })}
          />
        </div>
        <fieldset className={styles.bant}>
          <legend>BANT: what must be true</legend>
          {BANT_KEYS.map((key) => (
            <TextInput
              key={key}
              source={{ collection: 'lifecycle', id: state.id, path: `bant.${key}` }}
              label={bantLabels[key].charAt(0).toUpperCase() + bantLabels[key].slice(1)}
            />
          ))}
        </fieldset>
      </li>
    </RenderProbe>
  );
}
