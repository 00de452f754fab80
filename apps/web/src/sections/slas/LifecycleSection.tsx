import { FindingList } from '../../editor/FindingList';
import { useFindings, usePlaybookState, useSession } from '../../editor/useCollaboration';
import { LeadStateCard } from './LeadStateCard';
import { SlaCard } from './SlaCard';

/** The lead lifecycle (states in order) and the SLAs between its states. */
export function LifecycleSection() {
  const session = useSession();
  const { lifecycle, slas } = usePlaybookState();
  const findings = useFindings();
  const general = findings.filter((f) => f.itemId === null && (f.path[0] === 'lifecycle' || f.path[0] === 'slas'));

  function addSla() {
    session.edit(() => {
      session.playbook.slas.add({ from: lifecycle[1]?.id ?? null, to: lifecycle[2]?.id ?? null });
    });
  }

  return (
    <div className="lifecycle-section">
      <FindingList findings={general} />
      <section aria-labelledby="slas-heading">
        <div className="subsection-head">
          <h3 id="slas-heading">Service-level agreements</h3>
          <button type="button" onClick={addSla}>
            Add SLA
          </button>
        </div>
        {slas.length === 0 && <p className="empty">No SLAs yet. Agree how fast sales follows up each lead marketing hands over.</p>}
        <div className="sla-grid">
          {slas.map((sla) => (
            <SlaCard key={sla.id} sla={sla} states={lifecycle} findings={findings} />
          ))}
        </div>
      </section>
      <section aria-labelledby="lifecycle-heading">
        <div className="subsection-head">
          <h3 id="lifecycle-heading">Lead lifecycle</h3>
          <button type="button" onClick={() => session.edit(() => session.playbook.lifecycle.add({ name: '' }))}>
            Add state
          </button>
        </div>
        <ol className="lead-states">
          {lifecycle.map((state, index) => (
            <LeadStateCard key={state.id} state={state} index={index} count={lifecycle.length} findings={findings} />
          ))}
        </ol>
      </section>
    </div>
  );
}
