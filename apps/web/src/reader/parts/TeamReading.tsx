import { buyingRoleLabels, type Persona } from '@fullcourt/playbook';
import styles from '../reader.module.css';
import { anchors } from '../search';

/** Who buys: each persona, their part in the decision and what they care about. */
export function TeamReading({ personas }: { personas: readonly Persona[] }) {
  if (personas.length === 0) return <p className="empty">No personas yet.</p>;
  return (
    <div className={styles.personaCards}>
      {personas.map((p) => (
        <div key={p.id} id={anchors.persona(p.id)} tabIndex={-1} className={`${styles.readItem} ${styles.personaReading}`}>
          <h3>{p.name || 'Unnamed persona'}</h3>
          <p className="meta">{buyingRoleLabels[p.buyingRole]}</p>
          {p.caresAbout.length > 0 && (
            <ul>
              {p.caresAbout.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional read-only lines.
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
