import { BuyingRoleSchema, buyingRoleLabels, fieldTextLimit } from '@fullcourt/playbook';
import { EditableList } from '../../editor/EditableList';
import { FindingList, findingsFor } from '../../editor/FindingList';
import { TextInput } from '../../editor/TextInput';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useFindings, usePlaybookState, useSession } from '../../editor/useCollaboration';

/** The buying team: each persona, the part they play in the decision, and what they care about. */
export function BuyingTeamSection() {
  const session = useSession();
  const { personas } = usePlaybookState();
  const findings = useFindings();
  const deleteUndoably = useUndoableDelete();
  const personasCollection = session.playbook.personas;

  return (
    <div className="buying-team">
      <div className="section-actions">
        <button type="button" onClick={() => session.edit(() => personasCollection.add({ name: '' }))}>
          Add persona
        </button>
      </div>
      {personas.length === 0 && <p className="empty">No personas yet. Who takes part in the buying decision?</p>}
      <ul className="persona-grid">
        {personas.map((persona, index) => {
          const name = persona.name || `persona ${index + 1}`;
          return (
            <li key={persona.id} className="persona-card" aria-label={`Persona ${name}`}>
              <div className="persona-head">
                <TextInput
                  source={{ collection: 'personas', id: persona.id, path: 'name' }}
                  label="Persona name"
                  hideLabel
                  className="persona-name"
                />
                <button
                  type="button"
                  className="icon danger"
                  aria-label={`Delete persona ${name}`}
                  onClick={() => deleteUndoably(`Persona ${name} deleted.`, () => personasCollection.delete(persona.id))}
                >
                  Delete
                </button>
              </div>
              <FindingList findings={findingsFor(findings, persona.id)} label={`Findings for ${name}`} />
              <div className="field">
                <label htmlFor={`role-${persona.id}`}>Part in the decision</label>
                <select
                  id={`role-${persona.id}`}
                  value={persona.buyingRole}
                  onChange={(e) =>
                    session.edit(() => personasCollection.update(persona.id, { buyingRole: BuyingRoleSchema.parse(e.target.value) }))
                  }
                >
                  {BuyingRoleSchema.options.map((role) => (
                    <option key={role} value={role}>
                      {buyingRoleLabels[role]}
                    </option>
                  ))}
                </select>
              </div>
              <EditableList
                label="Cares about"
                itemLabel="Concern"
                items={persona.caresAbout}
                maxLength={fieldTextLimit('personas', 'caresAbout')}
                onChange={(caresAbout) => session.edit(() => personasCollection.update(persona.id, { caresAbout }))}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
