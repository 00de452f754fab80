import { useIdentity } from '../identity/useIdentity';
import { Avatar } from './Avatar';
import styles from './editor.module.css';
import { sectionLabels } from './sections';
import { usePeers } from './useCollaboration';

const modeWords = { editor: 'editing', workshop: 'in the workshop view', reader: 'reading' } as const;

/** Who is here and where: one avatar per person, yourself first. */
export function AvatarBar({ onChangeName }: { onChangeName: () => void }) {
  const peers = usePeers();
  const identity = useIdentity();
  return (
    <section className={styles.avatarBar} aria-label="People in this playbook">
      <ul>
        {identity && (
          <li>
            <button
              type="button"
              className={styles.avatarButton}
              onClick={onChangeName}
              aria-label={`You: ${identity.name}. Change your name or colour`}
            >
              <Avatar name={identity.name} color={identity.color} />
            </button>
          </li>
        )}
        {peers.map((peer) => {
          const where = peer.section ? ` ${sectionLabels[peer.section]}` : '';
          const description = `${peer.name}, ${modeWords[peer.mode]}${where}${peer.presenting ? ', presenting' : ''}`;
          return (
            <li key={peer.clientId} title={description} aria-label={description} className={styles.peer}>
              <Avatar name={peer.name} color={peer.color} />
              <span className="visually-hidden">{peer.name}</span>
            </li>
          );
        })}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {peers.length === 0 ? 'Nobody else is here.' : `${peers.length} other ${peers.length === 1 ? 'person' : 'people'} here.`}
      </span>
    </section>
  );
}
