import { type Responsibility, type Role, raciLabels } from '@fullcourt/playbook';
import { describeRowStatus, raciRowStatus } from '../../sections/responsibilities/raci';
import styles from '../reader.module.css';
import { anchors } from '../search';

/** The RACI matrix, read-only, with a note where a row does not have exactly one accountable role. */
export function ResponsibilitiesReading({
  roles,
  responsibilities,
}: {
  roles: readonly Role[];
  responsibilities: readonly Responsibility[];
}) {
  const roleIds = roles.map((r) => r.id as string);
  if (responsibilities.length === 0) return <p className="empty">No responsibilities agreed yet.</p>;
  return (
    <>
      <p className={styles.legend}>
        {Object.entries(raciLabels)
          .map(([letter, word]) => `${letter} = ${word}`)
          .join(' · ')}
      </p>
      <div className="table-scroll">
        <table className={`${styles.readingTable} ${styles.raciReading}`}>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              {roles.map((r) => (
                <th scope="col" key={r.id}>
                  {r.name || 'Unnamed role'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {responsibilities.map((row) => {
              const flag = describeRowStatus(raciRowStatus(row.raci, roleIds));
              return (
                <tr key={row.id} id={anchors.responsibility(row.id)} tabIndex={-1}>
                  <th scope="row">
                    {row.activity || 'Unnamed activity'}
                    {flag && <span className={styles.flag}> ({flag})</span>}
                  </th>
                  {roles.map((r) => {
                    const letter = row.raci[r.id];
                    return (
                      <td key={r.id} className={letter === 'A' ? styles.raciA : undefined}>
                        {letter ? <abbr title={raciLabels[letter]}>{letter}</abbr> : ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
