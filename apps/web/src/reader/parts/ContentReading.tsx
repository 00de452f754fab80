import { contentMatrix, type Playbook } from '@fullcourt/playbook';
import styles from '../reader.module.css';
import { anchors } from '../search';
import { AssetLink } from './AssetLink';

/** The content map as a table to read: stages down, personas across. */
export function ContentReading({ playbook: state }: { playbook: Playbook }) {
  const matrix = contentMatrix(state);
  const assets = new Map(state.content.map((a) => [a.id as string, a]));
  const list = (ids: readonly string[]) => (
    <ul>
      {ids.map((id) => {
        const asset = assets.get(id);
        return asset ? (
          <li key={id} id={anchors.asset(id)} tabIndex={-1}>
            <AssetLink asset={asset} />
          </li>
        ) : null;
      })}
    </ul>
  );
  if (state.content.length === 0) return <p className="empty">No content mapped yet.</p>;
  return (
    <div className="table-scroll">
      <table className={styles.readingTable}>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {matrix.personas.map((p) => (
              <th scope="col" key={p.id}>
                {p.name || 'Unnamed persona'}
              </th>
            ))}
            <th scope="col">Any persona</th>
          </tr>
        </thead>
        <tbody>
          {matrix.stages.map((stage) => (
            <tr key={stage.id}>
              <th scope="row">{stage.name || 'Unnamed stage'}</th>
              {matrix.personas.map((p) => (
                <td key={p.id}>{list(matrix.cells[stage.id]?.[p.id] ?? [])}</td>
              ))}
              <td>{list(matrix.anyPersona[stage.id] ?? [])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
