import { Link } from '../app/Link';
import type { SectionId } from '../app/routes';
import { TextInput } from '../ui/TextInput';
import { AvatarBar } from './AvatarBar';
import { ConnectionBadge } from './ConnectionBadge';
import styles from './editor.module.css';
import { FollowToggle } from './FollowToggle';
import { HistoryButton } from './HistoryButton';
import { UndoButtons } from './UndoButtons';
import type { PresenterControls } from './usePresenter';

interface Props {
  playbookId: string;
  section: SectionId;
  mode: 'editor' | 'workshop';
  onChangeName: () => void;
  /** Given on laptops (the editor): a way to follow whoever presents. */
  presenter?: PresenterControls;
  /** Given in the editor: opens the history panel. */
  onOpenHistory?: () => void;
  /** Given in the editor: opens the share dialog. */
  onOpenShare?: () => void;
}

/** The bar above every editing screen: where you are, who is here, whether edits reach them, and the other modes. */
export function EditorHeader({ playbookId, section, mode, onChangeName, presenter, onOpenHistory, onOpenShare }: Props) {
  return (
    <header className={styles.editorHeader}>
      <Link to={{ name: 'home' }} className="brand" aria-label="Fullcourt: all playbooks">
        Fullcourt
      </Link>
      <TextInput source={{ playbook: 'title' }} label="Playbook title" hideLabel className={styles.titleField} />
      <ConnectionBadge />
      <AvatarBar onChangeName={onChangeName} />
      {presenter && <FollowToggle controls={presenter} />}
      <UndoButtons />
      {onOpenHistory && <HistoryButton onOpen={onOpenHistory} />}
      {onOpenShare && (
        <button type="button" className="secondary" aria-haspopup="dialog" onClick={onOpenShare}>
          Share
        </button>
      )}
      <nav className={styles.modes} aria-label="Modes">
        {mode === 'workshop' ? (
          <Link to={{ name: 'editor', playbookId, section }}>Editor</Link>
        ) : (
          <Link to={{ name: 'workshop', playbookId, section }}>Workshop</Link>
        )}
        <Link to={{ name: 'reader', playbookId, stageId: null }}>Read</Link>
      </nav>
    </header>
  );
}
