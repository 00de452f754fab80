import { BuyingRoleSchema, buyingRoleLabels, fieldTextLimit } from '@fullcourt/playbook';
import { memo } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RenderProbe } from '../../editor/RenderProbe';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useRecordIds, useSession } from '../../editor/useCollaboration';
import { EditableList } from '../../ui/EditableList';
import { EnumSelect } from '../../ui/EnumSelect';
import { TextInput } from '../../ui/TextInput';
import shared from '../section.module.css';
import styles from './personas.module.css';

/** The buying team: each persona, the part they play in the decision, and what they care about. */
export function BuyingTeamSection() {
  const session = useSession();
  const personas = useRecordIds('personas');

  return (
    <div>
      <div className={shared.sectionActions}>
        <button type="button" onClick={() => session.edit(() => session.playbook.personas.add({ name: '' }))}>
          Add persona
        </button>
      </div>
      {personas.length === 0 && <p className="empty">No personas yet. Who takes part in the buying decision?</p>}
      <ul className={styles.personaGrid}>
        {personas.map((id, index) => (
          <PersonaCard key={id} id={id} index={index} />
        ))}
      </ul>
    </div>
  );
}

/** One persona, reading its own record: editing another persona does not re-render it (memo). */
const PersonaCard = memo(function PersonaCard({ id, index }: { id: string; index: number }) {
  const session = useSession();
  const persona = useRecord('personas', id);
  const findings = useItemFindings(id);
  const deleteUndoably = useUndoableDelete();
  if (!persona) return null;
  const personasCollection = session.playbook.personas;
  const name = persona.name || `persona ${index + 1}`;
  return (
    <RenderProbe id={`persona:${id}`}>
      <li className={styles.personaCard} aria-label={`Persona ${name}`}>
        <div className={styles.personaHead}>
          <TextInput source={{ collection: 'personas', id, path: 'name' }} label="Persona name" hideLabel className={styles.personaName} />
          <button
            type="button"
            className="icon danger"
            aria-label={`Delete persona ${name}`}
            onClick={() => deleteUndoably(`Persona ${name} deleted.`, () => personasCollection.delete(id))}
          >
            Delete
          </button>
        </div>
        <FindingList findings={findings} label={`Findings for ${name}`} />
        <EnumSelect
          label="Part in the decision"
          options={BuyingRoleSchema.options}
          labels={buyingRoleLabels}
          value={persona.buyingRole}
          onChange={(buyingRole) => session.edit(() => personasCollection.update(id, { buyingRole }))}
        />
        <EditableList
          label="Cares about"
          itemLabel="Concern"
          items={persona.caresAbout}
          maxLength={fieldTextLimit('personas', 'caresAbout')}
          onChange={(caresAbout) => session.edit(() => personasCollection.update(id, { caresAbout }))}
        />
      </li>
    </RenderProbe>
  );
});
