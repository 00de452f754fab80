import { Link } from '../app/Link';
import { sectionLabels } from '../editor/sections';
import styles from './reader.module.css';
import { anchors } from './search';
import { useReadPlaybook } from './useReaderPlaybook';

/** The table of contents: the sections, each stage's own page, and the free pages. */
export function ReaderToc({ playbookId, currentStageId }: { playbookId: string; currentStageId: string | null }) {
  const { stages, pages } = useReadPlaybook();
  const whole = (hash: string) => ({ href: `/playbooks/${encodeURIComponent(playbookId)}/read#${hash}` });
  // On a stage page the section anchors live on the full playbook; elsewhere they are on this page.
  const to = (hash: string) => (currentStageId === null ? { href: `#${hash}` } : whole(hash));
  return (
    <nav className={styles.readerToc} aria-label="Contents">
      <ol>
        <li>
          <a {...to('section-stages')}>{sectionLabels.stages}</a>
          <ol>
            {stages.map((stage) => (
              <li key={stage.id}>
                <Link
                  to={{ name: 'reader', playbookId, stageId: stage.id }}
                  aria-current={stage.id === currentStageId ? 'page' : undefined}
                >
                  {stage.name || 'Unnamed stage'}
                </Link>
              </li>
            ))}
          </ol>
        </li>
        {(['lifecycle', 'content', 'responsibilities', 'buying-team', 'metrics'] as const).map((id) => (
          <li key={id}>
            <a {...to(`section-${id}`)}>{sectionLabels[id]}</a>
          </li>
        ))}
        <li>
          <a {...to('section-pages')}>{sectionLabels.pages}</a>
          <ol>
            {pages.map((page) => (
              <li key={page.id}>
                <a {...to(anchors.page(page.id))}>{page.title || 'Untitled page'}</a>
              </li>
            ))}
          </ol>
        </li>
      </ol>
    </nav>
  );
}
