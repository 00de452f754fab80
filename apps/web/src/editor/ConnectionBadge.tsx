import { type ConnectionStatus, connectionLabels } from './connectionState';
import styles from './editor.module.css';
import { useConnection } from './useCollaboration';

/** The dot's colour for each state. */
const statusStyles: Record<ConnectionStatus, string | undefined> = {
  connecting: styles.connecting,
  connected: styles.connected,
  reconnecting: styles.reconnecting,
  offline: styles.offline,
  stopped: styles.stopped,
};

/** Says whether others see edits now, and what happens to them when not; a live region announces changes. */
export function ConnectionBadge() {
  const connection = useConnection();
  return (
    <div className={`${styles.connection} ${statusStyles[connection.status]}`} role="status" aria-label="Connection">
      <span className={styles.dot} aria-hidden="true" />
      <span>{connectionLabels[connection.status]}</span>
      {connection.detail && <span className={styles.connectionDetail}>{connection.detail}</span>}
    </div>
  );
}
