import { Link } from '../app/Link';
import type { SectionId } from '../app/routes';
import { Avatar } from './Avatar';
import styles from './editor.module.css';
import { describeSection, summarizeSections } from './sections';
import { useFindings, usePeers, useRecordIds } from './useCollaboration';

/** The sections with their item counts and open findings; the current one is marked for screen readers. */
export function SectionNav({ playbookId, current, mode }: { playbookId: string; current: SectionId; mode: 'editor' | 'workshop' }) {
  // Ids, not records: the counts change only when an item is added or deleted, not on typing.
  const state = {
    stages: useRecordIds('stages'),
    slas: useRecordIds('slas'),
    content: useRecordIds('content'),
    responsibilities: useRecordIds('responsibilities'),
    personas: useRecordIds('personas'),
    metrics: useRecordIds('metrics'),
    pages: useRecordIds('pages'),
  };
  const findings = useFindings();
  const peers = usePeers();
  return (
    <nav className={styles.sectionNav} aria-label="Sections">
      <ul>
        {summarizeSections(state, findings).map((s) => (
          <li key={s.id}>
            <Link
              to={{ name: mode, playbookId, section: s.id }}
              aria-current={s.id === current ? 'page' : undefined}
              aria-label={describeSection(s)}
            >
              <span className={styles.sectionName}>{s.label}</span>
              <span className={styles.count} aria-hidden="true">
                {s.count}
              </span>
              {s.errors > 0 && (
                <span className={`badge ${styles.badgeError}`} aria-hidden="true">
                  {s.errors}
                </span>
              )}
              {s.warnings > 0 && (
                <span className={`badge ${styles.badgeWarning}`} aria-hidden="true">
                  {s.warnings}
                </span>
              )}
              {/* Who is in this section; the avatar bar says the same in words. */}
              <span className={styles.navPeers} aria-hidden="true">
                {peers
                  .filter((p) => p.section === s.id)
                  .map((p) => (
                    <Avatar key={p.clientId} name={p.name} color={p.color} size="small" />
                  ))}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
