import { Suspense, useEffect, useRef, useState } from 'react';
import { noteSignedOut } from '../account/accountStore';
import type { SectionId } from '../app/routes';
import { IdentityDialog } from '../identity/IdentityDialog';
import { useIdentity } from '../identity/useIdentity';
import { ShareDialog } from '../share/ShareDialog';
import { EditorHeader } from './EditorHeader';
import styles from './editor.module.css';
import { LazyHistoryPanel } from './historyPanelLoader';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { UndoToastProvider } from './UndoToast';
import { SessionContext, useCollaboration, useConnection, usePlaybookHeader, useSession } from './useCollaboration';
import { useGlobalUndoKeys } from './useGlobalUndoKeys';
import { usePlaybookAccess } from './usePlaybookAccess';
import { usePlaybookExists } from './usePlaybookExists';
import { usePresenter } from './usePresenter';
import { useRestoreNotice } from './useRestoreNotice';

const accessChanged =
  'Your access to this playbook changed: you can now only view it. Changes you made since were kept on this device but not saved.';
const mayNowEdit = 'You can now edit this playbook.';

/**
 * The editor: section navigation on the left, one section at a time, everyone's changes live.
 * Viewers get the same layout read-only, with a banner; when the server says access changed
 * (4403) it asks again and reopens the playbook as it now may, saying why.
 */
export function EditorPage({ playbookId, section }: { playbookId: string; section: SectionId }) {
  const [access, reloadAccess] = usePlaybookAccess(playbookId);
  const [reopened, setReopened] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const readOnly = access.status === 'ok' && !access.sharing.youCan.edit;
  // A viewer promoted while the page is open: the session reopens editable (its key changes), and says so.
  const wasReadOnly = useRef(readOnly);
  useEffect(() => {
    if (access.status !== 'ok') return;
    if (wasReadOnly.current && !readOnly) setNotice(mayNowEdit);
    wasReadOnly.current = readOnly;
  }, [access.status, readOnly]);
  if (access.status === 'loading') return <p className="page loading">Opening playbook…</p>;
  if (access.status === 'missing') return <PlaybookNotFound notice={notice ? 'You no longer have access to this playbook.' : null} />;
  return (
    <EditorSession
      key={`${readOnly}-${reopened}`}
      playbookId={playbookId}
      section={section}
      readOnly={readOnly}
      notice={notice}
      onStopped={(code) => {
        if (code === 4401) noteSignedOut('Your session ended or your access was revoked. Sign in again.');
        if (code !== 4403) return;
        setNotice(accessChanged);
        setReopened((n) => n + 1);
        reloadAccess();
      }}
    />
  );
}

interface SessionProps {
  playbookId: string;
  section: SectionId;
  readOnly: boolean;
  notice: string | null;
  onStopped(code: number): void;
}

function EditorSession(props: SessionProps) {
  const session = useCollaboration(props.playbookId, 'editor', props.readOnly);
  if (!session) return <p className="page loading">Opening playbook…</p>;
  return (
    <SessionContext.Provider value={session}>
      <UndoToastProvider>
        <EditorShell {...props} />
      </UndoToastProvider>
    </SessionContext.Provider>
  );
}

function PlaybookNotFound({ notice }: { notice: string | null }) {
  return (
    <main className="page">
      <h1>Playbook not found</h1>
      <p>{notice ?? 'There is no playbook with this address. It may have been deleted, or the link is incomplete.'}</p>
      <a href="/">See all playbooks</a>
    </main>
  );
}

function EditorShell({ playbookId, section, readOnly, notice, onStopped }: SessionProps) {
  const session = useSession();
  const connection = useConnection();
  const stopped = useRef(onStopped);
  stopped.current = onStopped;
  useEffect(() => {
    if (connection.stoppedBy !== undefined) stopped.current(connection.stoppedBy);
  }, [connection.stoppedBy]);
  const [sharing, setSharing] = useState(false);
  const header = usePlaybookHeader();
  const exists = usePlaybookExists(session);
  useEffect(() => {
    if (!exists) session.provider.disconnect(); // knocking on a missing playbook's door helps nobody
  }, [session, exists]);
  const identity = useIdentity();
  const [changingName, setChangingName] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
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
  const title = header.title || 'Untitled playbook';
  useEffect(() => {
    document.title = `${title} · Fullcourt`;
  }, [title]);

  if (!exists) return <PlaybookNotFound notice={null} />;

  return (
    <div className={styles.editorLayout}>
      <EditorHeader
        playbookId={playbookId}
        section={section}
        mode="editor"
        onChangeName={() => setChangingName(true)}
        presenter={presenter}
        onOpenHistory={() => setHistoryOpen(true)}
        onOpenShare={() => setSharing(true)}
      />
      <SectionNav playbookId={playbookId} current={section} mode="editor" />
      <main className={styles.editorMain} id="main">
        {(readOnly || notice) && (
          <p className="read-only-banner" role="status">
            {notice ?? 'You can view this playbook and follow changes live. Ask one of its managers for edit access.'}
          </p>
        )}
        {/* A disabled fieldset disables every control inside: viewers cannot add, delete or drag. */}
        <fieldset className={styles.sectionFieldset} disabled={readOnly}>
          <legend className="visually-hidden">{readOnly ? 'Read-only playbook' : 'Playbook'}</legend>
          <SectionView section={section} />
        </fieldset>
      </main>
      <p className={styles.restoreNotice} role="status">
        {restoreNotice}
      </p>
      {changingName && <IdentityDialog current={identity} onClose={() => setChangingName(false)} />}
      {sharing && <ShareDialog playbookId={playbookId} onClose={() => setSharing(false)} />}
      {historyOpen && (
        <Suspense
          fallback={
            <p className={styles.historyLoading} role="status">
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
