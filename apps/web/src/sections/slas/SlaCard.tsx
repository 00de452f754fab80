import {
  fieldTextLimit,
  PeriodUnitSchema,
  periodUnitLabels,
  type Sla,
  slaSentence,
  slaTitle,
  TeamSchema,
  teamLabels,
} from '@fullcourt/playbook';
import { memo, useId } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RenderProbe } from '../../editor/RenderProbe';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useSession } from '../../editor/useCollaboration';
import type { Named } from '../../editor/useNames';
import { EditableList } from '../../ui/EditableList';
import { EnumSelect } from '../../ui/EnumSelect';
import { NumberInput } from '../../ui/NumberInput';
import { DurationInput } from './DurationInput';
import styles from './slas.module.css';

const perPeriodLabels = Object.fromEntries(PeriodUnitSchema.options.map((per) => [per, `per ${periodUnitLabels[per]}`])) as Record<
  (typeof PeriodUnitSchema.options)[number],
  string
>;

interface Props {
  id: string;
  /** The lifecycle states' names, for the sentence and the state choices. */
  states: readonly Named[];
}

/** One SLA, reading its own record: an edit elsewhere does not re-render it (memo). */
export const SlaCard = memo(function SlaCard({ id, states }: Props) {
  const sla = useRecord('slas', id);
  return sla ? <SlaCardBody sla={sla} states={states} /> : null;
});

/** An SLA read as one sentence, with the inputs that change it below; the sentence updates as they change. */
function SlaCardBody({ sla, states }: { sla: Sla; states: readonly Named[] }) {
  const session = useSession();
  const findings = useItemFindings(sla.id);
  const deleteUndoably = useUndoableDelete();
  const id = useId();
  const title = slaTitle(sla, states);
  const update = (patch: Parameters<typeof session.playbook.slas.update>[1]) =>
    session.edit(() => session.playbook.slas.update(sla.id, patch));

  const stateSelect = (end: 'from' | 'to', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${end}`}>{label}</label>
      <select id={`${id}-${end}`} value={sla[end] ?? ''} onChange={(e) => update({ [end]: e.target.value || null })}>
        <option value="">Choose a state…</option>
        {states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name || '(unnamed state)'}
          </option>
        ))}
        {sla[end] && !states.some((s) => s.id === sla[end]) && <option value={sla[end] ?? ''}>(deleted state)</option>}
      </select>
    </div>
  );

  return (
    <RenderProbe id={`sla:${sla.id}`}>
      <article className={styles.slaCard} aria-label={title}>
        <h4 className={styles.slaTitle}>{title}</h4>
        <p className={styles.slaSentence}>{slaSentence(sla, states)}</p>
        <FindingList findings={findings} label={`Findings for ${title}`} />
        <div className={styles.slaStates}>
          {stateSelect('from', 'From state')}
          {stateSelect('to', 'To state')}
          <EnumSelect
            label="Team that follows up"
            options={TeamSchema.options}
            labels={teamLabels}
            value={sla.owner}
            onChange={(owner) => update({ owner })}
          />
        </div>
        <div className={styles.slaTerms}>
          <DurationInput
            label="Response time"
            iso={sla.responseTime.duration}
            onChange={(duration) => update({ responseTime: { ...sla.responseTime, duration } })}
            clock={{ value: sla.responseTime.clock, onChange: (clock) => update({ responseTime: { ...sla.responseTime, clock } }) }}
          />
          <NumberInput
            label="Follow-up attempts"
            value={sla.followUp.attempts}
            onChange={(attempts) => update({ followUp: { ...sla.followUp, attempts: attempts ?? 0 } })}
          />
          <DurationInput
            label="Follow-up window"
            iso={sla.followUp.window}
            onChange={(window) => update({ followUp: { ...sla.followUp, window } })}
          />
          <DurationInput
            label="Reject with a reason within"
            iso={sla.feedback.rejectWithin}
            onChange={(rejectWithin) => update({ feedback: { ...sla.feedback, rejectWithin } })}
          />
          <fieldset className={styles.volume}>
            <legend>Volume commitment</legend>
            <label>
              <input
                type="checkbox"
                checked={sla.volume !== null}
                onChange={(e) => update({ volume: e.target.checked ? { count: 100, per: 'month' } : null })}
              />
              Marketing commits to a number of leads
            </label>
            {sla.volume && (
              <>
                <NumberInput
                  label="Leads committed"
                  hideLabel
                  value={sla.volume.count}
                  onChange={(count) => sla.volume && update({ volume: { ...sla.volume, count: count ?? 0 } })}
                />
                <EnumSelect
                  label="Per period"
                  hideLabel
                  options={PeriodUnitSchema.options}
                  labels={perPeriodLabels}
                  value={sla.volume.per}
                  onChange={(per) => sla.volume && update({ volume: { ...sla.volume, per } })}
                />
              </>
            )}
          </fieldset>
        </div>
        <EditableList
          label="Reasons to reject"
          itemLabel="Rejection reason"
          items={sla.feedback.reasons}
          maxLength={fieldTextLimit('slas', 'feedback.reasons')}
          onChange={(reasons) => update({ feedback: { ...sla.feedback, reasons } })}
        />
        <button
          type="button"
          className="secondary danger"
          onClick={() => deleteUndoably(`${title} deleted.`, () => session.playbook.slas.delete(sla.id))}
        >
          Delete {title}
        </button>
      </article>
    </RenderProbe>
  );
}
