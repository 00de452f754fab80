import { useEffect, useState } from 'react';
import { navigate } from '../app/router';
import { SECTION_IDS, type SectionId } from '../app/routes';
import { EditorHeader } from '../editor/EditorHeader';
import { SectionView } from '../editor/SectionView';
import { sectionLabels } from '../editor/sections';
import { UndoToastProvider } from '../editor/UndoToast';
import { SessionContext, useCollaboration, usePlaybookHeader, useSession } from '../editor/useCollaboration';
import { useGlobalUndoKeys } from '../editor/useGlobalUndoKeys';
import { usePlaybookAccess } from '../editor/usePlaybookAccess';
import { usePresenter } from '../editor/usePresenter';
import { IdentityDialog } from '../identity/IdentityDialog';
import { useIdentity } from '../identity/useIdentity';
import { FindingsToSettle } from './FindingsToSettle';
import { PresenterBar } from './PresenterBar';
import { pageFrom, pagingStep } from './paging';
import styles from './workshop.module.css';

/**
 * The shared screen of a planning workshop: one section at a time in large, high-contrast type,
 * paged with the keyboard or a clicker, with the findings the room still has to settle beside it.
 * Everyone else edits on their laptops and may follow the presenter.
 */
export function WorkshopPage({ playbookId, section }: { playbookId: string; section: SectionId }) {
  const [access] = usePlaybookAccess(playbookId);
  if (access.status === 'loading') return <p className="page loading">Opening playbook…</p>;
  if (access.status === 'missing') {
    return (
      <main className="page">
        <h1>Playbook not found</h1>
        <a href="/">See all playbooks</a>
      </main>
    );
  }
  return <WorkshopSession playbookId={playbookId} section={section} readOnly={!access.sharing.youCan.edit} />;
}

function WorkshopSession({ playbookId, section, readOnly }: { playbookId: string; section: SectionId; readOnly: boolean }) {
  const session = useCollaboration(playbookId, 'workshop', readOnly);
  if (!session) return <p className="page loading">Opening playbook…</p>;
  return (
    <SessionContext.Provider value={session}>
      <UndoToastProvider>
        <Workshop playbookId={playbookId} section={section} />
      </UndoToastProvider>
    </SessionContext.Provider>
  );
}

function Workshop({ playbookId, section }: { playbookId: string; section: SectionId }) {
  const session = useSession();
  const { title } = usePlaybookHeader();
  const identity = useIdentity();
  const [changingName, setChangingName] = useState(false);
  const presenter = usePresenter(playbookId, section, 'workshop');
  useGlobalUndoKeys(session);

  useEffect(() => session.showSection(section), [session, section]);
  useEffect(() => {
    document.title = `${sectionLabels[section]} · Workshop · ${title || 'Fullcourt'}`;
  }, [section, title]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const usesArrows = !!target?.closest('input, textarea, select, [contenteditable], [aria-roledescription], .raci-cell');
      const step = pagingStep(event.key, usesArrows);
      if (step === null) return;
      event.preventDefault();
      navigate({ name: 'workshop', playbookId, section: pageFrom(section, step) });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [playbookId, section]);

  const index = SECTION_IDS.indexOf(section);
  return (
    <div className={styles.workshop}>
      <EditorHeader playbookId={playbookId} section={section} mode="workshop" onChangeName={() => setChangingName(true)} />
      <PresenterBar
        controls={presenter}
        position={`${index + 1} of ${SECTION_IDS.length}`}
        onPrevious={index > 0 ? () => navigate({ name: 'workshop', playbookId, section: pageFrom(section, -1) }) : undefined}
        onNext={
          index < SECTION_IDS.length - 1 ? () => navigate({ name: 'workshop', playbookId, section: pageFrom(section, 1) }) : undefined
        }
      />
      <div className={styles.workshopBody}>
        <main className={styles.workshopMain} id="main">
          <SectionView section={section} />
        </main>
        <FindingsToSettle playbookId={playbookId} current={section} />
      </div>
      {changingName && <IdentityDialog current={identity} onClose={() => setChangingName(false)} />}
    </div>
  );
}
