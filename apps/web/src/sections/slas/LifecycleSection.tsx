import { FindingList } from '../../editor/FindingList';
import { useFindings, useRecordIds, useSession } from '../../editor/useCollaboration';
import { useNames } from '../../editor/useNames';
import shared from '../section.module.css';
import { LeadStateCard } from './LeadStateCard';
import { SlaCard } from './SlaCard';
import styles from './slas.module.css';

/** The lead lifecycle (states in order) and the SLAs between its states. */
export function LifecycleSection() {
  const session = useSession();
  const lifecycle = useRecordIds('lifecycle');
  const slas = useRecordIds('slas');
  // SLA cards show state names only; typing a state's definition leaves them be.
  const states = useNames('lifecycle');
  const findings = useFindings();
  const general = findings.filter((f) => f.itemId === null && (f.path[0] === 'lifecycle' || f.path[0] === 'slas'));

  function addSla() {
    session.edit(() => {
      session.playbook.slas.add({ from: lifecycle[1] ?? null, to: lifecycle[2] ?? null });
    });
  }

  return (
    <div>
      <FindingList findings={general} />
      <section aria-labelledby="slas-heading">
        <div className={shared.subsectionHead}>
          <h3 id="slas-heading">Service-level agreements</h3>
          <button type="button" onClick={addSla}>
            Add SLA
          </button>
        </div>
        {slas.length === 0 && <p className="empty">No SLAs yet. Agree how fast sales follows up each lead marketing hands over.</p>}
        <div className={styles.slaGrid}>
          {slas.map((id) => (
            <SlaCard key={id} id={id} states={states} />
          ))}
        </div>
      </section>
      <section aria-labelledby="lifecycle-heading">
        <div className={shared.subsectionHead}>
          <h3 id="lifecycle-heading">Lead lifecycle</h3>
          <button type="button" onClick={() => session.edit(() => session.playbook.lifecycle.add({ name: '' }))}>
            Add state
          </button>
        </div>
        <ol className={styles.leadStates}>
          {lifecycle.map((id, index) => (
            <LeadStateCard key={id} id={id} index={index} count={lifecycle.length} />
          ))}
        </ol>
      </section>
    </div>
  );
}
