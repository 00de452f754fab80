import { connectionLabels } from './connectionState';
import { useConnection } from './useCollaboration';

/** Says whether others see edits now, and what happens to them when not; a live region announces changes. */
export function ConnectionBadge() {
  const connection = useConnection();
  return (
    <div className={`connection connection-${connection.status}`} role="status" aria-label="Connection">
      <span className="dot" aria-hidden="true" />
      <span className="connection-label">{connectionLabels[connection.status]}</span>
      {connection.detail && <span className="connection-detail">{connection.detail}</span>}
    </div>
  );
}
