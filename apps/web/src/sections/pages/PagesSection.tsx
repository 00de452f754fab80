import { useState } from 'react';
import { FindingList } from '../../editor/FindingList';
import { RichTextField } from '../../editor/RichTextField';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useSelected, useSession } from '../../editor/useCollaboration';
import { TextInput } from '../../ui/TextInput';
import styles from './pages.module.css';

/** Free pages (introduction, glossary, how the weekly sync runs): a list on the side, one page open. */
export function PagesSection() {
  const session = useSession();
  // The list shows titles only: typing a page's text leaves the list (and this component) be.
  const pages = useSelected('pages', (records) => records.map(({ id, title }) => ({ id, title })), sameTitles);
  const deleteUndoably = useUndoableDelete();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = pages.find((p) => p.id === openId) ?? pages[0] ?? null;
  const findings = useItemFindings(open?.id ?? '');

  function addPage() {
    let id = '';
    session.edit(() => {
      id = session.playbook.pages.add({ title: '' });
    });
    setOpenId(id);
  }

  return (
    <div className={styles.pagesSection}>
      <nav className={styles.pageList} aria-label="Pages">
        <ul>
          {pages.map((page) => (
            <li key={page.id}>
              <button
                type="button"
                className={styles.pageLink}
                aria-current={page.id === open?.id ? 'page' : undefined}
                onClick={() => setOpenId(page.id)}
              >
                {page.title || 'Untitled page'}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={addPage}>
          Add page
        </button>
      </nav>
      {open ? (
        <article className={styles.pageEditor} aria-label={`Page ${open.title || 'Untitled page'}`}>
          <div className={styles.pageHead}>
            <TextInput
              key={open.id}
              source={{ collection: 'pages', id: open.id, path: 'title' }}
              label="Page title"
              hideLabel
              placeholder="Page title"
              className={styles.pageTitle}
              autoFocus={open.title === ''}
            />
            <button
              type="button"
              className="secondary danger"
              onClick={() => deleteUndoably(`Page ${open.title || 'Untitled page'} deleted.`, () => session.playbook.pages.delete(open.id))}
            >
              Delete page
            </button>
          </div>
          <FindingList findings={findings} label="Findings for this page" />
          <RichTextField
            key={open.id}
            source={{ collection: 'pages', id: open.id, path: 'body' }}
            label={`Text of ${open.title || 'the untitled page'}`}
            size="page"
          />
        </article>
      ) : (
        <p className="empty">No pages yet. Add an introduction, a glossary or how your weekly sync runs.</p>
      )}
    </div>
  );
}

type Titled = { id: string; title: string };
const sameTitles = (a: readonly Titled[], b: readonly Titled[]) =>
  a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.title === b[i]?.title);
