import { Suspense, useEffect, useState } from 'react';
import type { SectionId } from '../app/routes';
import { IdentityDialog } from '../identity/IdentityDialog';
import { useIdentity } from '../identity/useIdentity';
import { EditorHeader } from './EditorHeader';
import { LazyHistoryPanel } from './historyPanelLoader';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { UndoToastProvider } from './UndoToast';
import { SessionContext, useCollaboration, usePlaybookState, useSession } from './useCollaboration';
import { useGlobalUndoKeys } from './useGlobalUndoKeys';
import { usePlaybookExists } from './usePlaybookExists';
import { usePresenter } from './usePresenter';
import { useRestoreNotice } from './useRestoreNotice';
import { useTemplateSeed } from './useTemplateSeed';

/** The editor: section navigation on the left, one section at a time, everyone's changes live. */
export function EditorPage({ playbookId, section }: { playbookId: string; section: SectionId }) {
  const session = useCollaboration(playbookId, 'editor');
  if (!session) return <p className="page loading">Opening playbook…</p>;
  return (
    <SessionContext.Provider value={session}>
      <UndoToastProvider>
        <EditorShell playbookId={playbookId} section={section} />
      </UndoToastProvider>
    </SessionContext.Provider>
  );
}

function EditorShell({ playbookId, section }: { playbookId: string; section: SectionId }) {
  const session = useSession();
  const state = usePlaybookState();
  const exists = usePlaybookExists(session);
  useEffect(() => {
    if (!exists) session.provider.disconnect(); // knocking on a missing playbook's door helps nobody
  }, [session, exists]);
  const identity = useIdentity();
  const [changingName, setChangingName] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  useTemplateSeed(session);
  useGlobalUndoKeys(session);
  const presenter = usePresenter(playbookId, section, 'editor');
  const restoreNotice = useRestoreNotice();

  useEffect(() => {
    session.showSection(section);
    // Moving to another section starts a new undo step: Undo never reaches back into a section out of sight.
    session.undoManager.stopCapturing();
  }, [session, section]);
  useEffect(() => {
    performance.mark('fullcourt:editor-rendered');
  }, []);
  const title = state.title || 'Untitled playbook';
  useEffect(() => {
    document.title = `${title} · Fullcourt`;
  }, [title]);

  if (!exists) {
    return (
      <main className="page">
        <h1>Playbook not found</h1>
        <p>There is no playbook with this address. It may have been deleted, or the link is incomplete.</p>
        <a href="/">See all playbooks</a>
      </main>
    );
  }

  return (
    <div className="editor-layout">
      <EditorHeader
        playbookId={playbookId}
        section={section}
        mode="editor"
        onChangeName={() => setChangingName(true)}
        presenter={presenter}
        onOpenHistory={() => setHistoryOpen(true)}
      />
      <SectionNav playbookId={playbookId} current={section} mode="editor" />
      <main className="editor-main" id="main">
        <SectionView section={section} />
      </main>
      <p className="restore-notice" role="status">
        {restoreNotice}
      </p>
      {changingName && <IdentityDialog current={identity} onClose={() => setChangingName(false)} />}
      {historyOpen && (
        <Suspense
          fallback={
            <p className="history-loading" role="status">
              Opening history…
            </p>
          }
        >
          <LazyHistoryPanel
            playbookId={playbookId}
            onClose={() => setHistoryOpen(false)}
            onRestored={(version) => session.markRestored(version)}
          />
        </Suspense>
      )}
    </div>
  );
}
