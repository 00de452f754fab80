import { Link } from '../app/Link';
import { SECTION_IDS, type SectionId } from '../app/routes';
import { FindingItem } from '../editor/FindingList';
import { sectionLabels, sectionOfFinding } from '../editor/sections';
import { useFindings } from '../editor/useCollaboration';
import styles from './workshop.module.css';

/** Every validator finding, by section, for the room to settle together; errors first within each. */
export function FindingsToSettle({ playbookId, current }: { playbookId: string; current: SectionId }) {
  const findings = useFindings().filter((f) => f.severity !== 'info');
  return (
    <aside className={styles.findingsToSettle} aria-labelledby="settle-heading">
      <h2 id="settle-heading">To settle in the room ({findings.length})</h2>
      {findings.length === 0 && <p>Nothing open: the playbook is consistent.</p>}
      {SECTION_IDS.map((id) => {
        const mine = findings.filter((f) => sectionOfFinding(f) === id);
        if (mine.length === 0) return null;
        return (
          <section key={id} aria-label={`Findings in ${sectionLabels[id]}`}>
            <h3>
              <Link to={{ name: 'workshop', playbookId, section: id }} aria-current={id === current ? 'page' : undefined}>
                {sectionLabels[id]}
              </Link>
            </h3>
            <ul>
              {mine.map((f) => (
                <FindingItem key={`${f.code}:${f.path.join('.')}`} finding={f} />
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
