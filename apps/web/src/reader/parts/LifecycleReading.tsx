import { type Bant, bantLabels, type LeadState, type Sla, slaSentence, slaTitle, teamLabels } from '@fullcourt/playbook';

// The labels list the letters in BANT order; taken from there rather than BANT_KEYS, whose module
// also builds the zod schemas the reader has no use for.
const BANT_KEYS = Object.keys(bantLabels) as (keyof Bant)[];

import styles from '../reader.module.css';
import { anchors } from '../search';

/** The SLAs as sentences, then each lifecycle state with its definition and what BANT must hold. */
export function LifecycleReading({ states, slas }: { states: readonly LeadState[]; slas: readonly Sla[] }) {
  return (
    <>
      <h3>Service-level agreements</h3>
      {slas.length === 0 ? (
        <p className="empty">No SLAs agreed yet.</p>
      ) : (
        <ul className={styles.slaSentences}>
          {slas.map((sla) => (
            <li key={sla.id} id={anchors.sla(sla.id)} tabIndex={-1} className={styles.readItem}>
              <span className={styles.slaName}>{slaTitle(sla, states)}</span>
              {slaSentence(sla, states)}
              {sla.feedback.reasons.length > 0 && <span> Reasons to reject: {sla.feedback.reasons.join('; ')}.</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Lead lifecycle</h3>
      <ol className={styles.lifecycleReading}>
        {states.map((state) => (
          <li key={state.id} id={anchors.state(state.id)} tabIndex={-1} className={styles.readItem}>
            <strong>{state.name || 'Unnamed state'}</strong>
            <span className="meta">
              {' '}
              — {teamLabels[state.owner]}
              {state.scoreThreshold !== null && `, from a score of ${state.scoreThreshold}`}
            </span>
            {state.definition && <p>{state.definition}</p>}
            {BANT_KEYS.some((k) => state.bant[k]) && (
              <dl className={styles.bantReading}>
                {BANT_KEYS.filter((k) => state.bant[k]).map((k) => (
                  <div key={k}>
                    <dt>{bantLabels[k]}</dt>
                    <dd>{state.bant[k]}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
