import type { Page } from '@fullcourt/playbook';
import { MarkdownView } from '../../richtext/MarkdownView';
import styles from '../reader.module.css';
import { anchors } from '../search';

/** The free pages, each under its title. */
export function PagesReading({ pages }: { pages: readonly Page[] }) {
  if (pages.length === 0) return <p className="empty">No pages yet.</p>;
  return (
    <>
      {pages.map((page) => (
        <div key={page.id} id={anchors.page(page.id)} tabIndex={-1} className={styles.readItem}>
          <h3>{page.title || 'Untitled page'}</h3>
          <MarkdownView markdown={page.body.markdown} empty="This page is empty." />
        </div>
      ))}
    </>
  );
}
