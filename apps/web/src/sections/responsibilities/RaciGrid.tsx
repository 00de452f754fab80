import { memo, useCallback, useRef } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RenderProbe } from '../../editor/RenderProbe';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useRecordIds, useSession } from '../../editor/useCollaboration';
import { type Named, useNames } from '../../editor/useNames';
import { TextInput } from '../../ui/TextInput';
import shared from '../section.module.css';
import { RaciCell } from './RaciCell';
import { describeRowStatus, raciRowStatus } from './raci';
import styles from './responsibilities.module.css';

/**
 * Who is Responsible, Accountable, Consulted and Informed for each activity: activities down,
 * roles across. A row without exactly one A is flagged at once, before the validator speaks.
 */
export function RaciGrid() {
  const session = useSession();
  // Rows read their own activity; the grid needs only the roles' names and the activities' ids.
  const roles = useNames('roles');
  const responsibilities = useRecordIds('responsibilities');
  const deleteUndoably = useUndoableDelete();
  const tableRef = useRef<HTMLTableElement>(null);

  const focusCell = useCallback((row: number, column: number) => {
    const target = tableRef.current?.querySelector<HTMLButtonElement>(`[data-row="${row}"][data-column="${column}"]`);
    target?.focus();
  }, []);

  return (
    <div>
      <div className={shared.sectionActions}>
        <button type="button" onClick={() => session.edit(() => session.playbook.responsibilities.add({ activity: '' }))}>
          Add activity
        </button>
        <button type="button" className="secondary" onClick={() => session.edit(() => session.playbook.roles.add({ name: '' }))}>
          Add role
        </button>
        <p className="hint">Click a cell to cycle R → A → C → I, or type the letter. Arrow keys move between cells.</p>
      </div>
      <div className="table-scroll">
        <table className={styles.raciGrid} ref={tableRef} aria-label="Responsibility matrix">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              {roles.map((role, index) => (
                <th scope="col" key={role.id}>
                  <div className={styles.roleHead}>
                    <TextInput source={{ collection: 'roles', id: role.id, path: 'name' }} label={`Role ${index + 1} name`} hideLabel />
                    <button
                      type="button"
                      className="icon danger"
                      aria-label={`Delete role ${role.name || index + 1}`}
                      onClick={() =>
                        deleteUndoably(`Role ${role.name || index + 1} deleted.`, () => session.playbook.roles.delete(role.id))
                      }
                    >
                      ×
                    </button>
                  </div>
                </th>
              ))}
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {responsibilities.map((id, row) => (
              <RaciRow key={id} id={id} row={row} roles={roles} onNavigate={focusCell} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  id: string;
  row: number;
  roles: readonly Named[];
  onNavigate: (row: number, column: number) => void;
}

/** One activity's row, reading its own record: setting a letter in another row does not re-render it (memo). */
const RaciRow = memo(function RaciRow({ id, row, roles, onNavigate }: RowProps) {
  const session = useSession();
  const responsibility = useRecord('responsibilities', id);
  const findings = useItemFindings(id);
  const deleteUndoably = useUndoableDelete();
  if (!responsibility) return null;
  const status = describeRowStatus(
    raciRowStatus(
      responsibility.raci,
      roles.map((r) => r.id),
    ),
  );
  const activity = responsibility.activity || `activity ${row + 1}`;
  const mine = findings.filter((f) => !f.code.startsWith('raci-') || f.code === 'raci-dangling-role');
  return (
    <RenderProbe id={`responsibility:${id}`}>
      <tr className={status ? styles.flagged : undefined}>
        <th scope="row">
          <div className={styles.activityHead}>
            <TextInput
              source={{ collection: 'responsibilities', id, path: 'activity' }}
              label={`Activity ${row + 1}`}
              hideLabel
              multiline
            />
            <button
              type="button"
              className="icon danger"
              aria-label={`Delete ${activity}`}
              onClick={() => deleteUndoably(`Activity ${activity} deleted.`, () => session.playbook.responsibilities.delete(id))}
            >
              ×
            </button>
          </div>
          <FindingList findings={mine} label={`Findings for ${activity}`} />
        </th>
        {roles.map((role, column) => (
          <td key={role.id}>
            <RaciCell
              letter={responsibility.raci[role.id as keyof typeof responsibility.raci] ?? null}
              roleName={role.name}
              activity={responsibility.activity}
              row={row}
              column={column}
              onChange={(letter) => session.edit(() => session.playbook.setRaci(id, role.id, letter))}
              onNavigate={onNavigate}
            />
          </td>
        ))}
        <td className={styles.raciStatus}>
          {status ? <span className={styles.flag}>{status}</span> : <span className={styles.ok}>✓</span>}
        </td>
      </tr>
    </RenderProbe>
  );
});
