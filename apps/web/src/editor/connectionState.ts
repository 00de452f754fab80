/**
 * What the person needs to know about the link to the server. Edits are accepted in every state:
 * they are kept on this device and merged when the connection is back.
 */
export type ConnectionStatus =
  | 'connecting' // first contact, nothing synced yet
  | 'connected' // synced: others see edits at once
  | 'reconnecting' // lost the server, trying again
  | 'offline' // the browser has no network
  | 'stopped'; // the server refused for good (1009, 4413); reconnecting cannot help

export interface ConnectionState {
  status: ConnectionStatus;
  /** A sentence for the person when there is something to explain (why it stopped, why it retries). */
  detail: string | null;
  /** Whether the document has synced with the server at least once in this session. */
  everSynced: boolean;
  /** The close code when the server stopped the session for good (4401 signed out, 4403 access changed). */
  stoppedBy?: number;
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connected' | 'connecting' | 'disconnected' }
  | { type: 'synced' }
  | { type: 'closed-by-server'; code: number; reason: string }
  | { type: 'browser-online' }
  | { type: 'browser-offline' };

export const initialConnection = (online: boolean): ConnectionState => ({
  status: online ? 'connecting' : 'offline',
  detail: null,
  everSynced: false,
});

/** Why the server closed, in words; null for closes that need no explanation. */
export function closeReason(code: number): string | null {
  switch (code) {
    case 1001:
      return 'The server is restarting. Your edits are kept and will be merged when it is back.';
    case 1009:
      return 'A change was too big to send to the server, so syncing stopped. Undo it (a very long paste, say), then reload to reconnect.';
    case 4401:
      return 'Your session ended or your access was revoked. Sign in again to keep working.';
    case 4403:
      return 'Your access to this playbook changed. Changes you made since were kept on this device but not saved.';
    case 4413:
      return 'This playbook has reached the size limit of the server, which accepts no more edits. Recent edits stay on this device only. Ask an administrator to raise MAX_DOCUMENT_BYTES.';
    case 4500:
      return 'The server could not load this playbook. Trying again…';
    default:
      return null;
  }
}

/**
 * Closes after which reconnecting would only send the same refused change again, forever
 * (y-websocket#189): a message over the size limit, and the server's 44xx refusals.
 */
export function isPermanentClose(code: number): boolean {
  return code === 1009 || (code >= 4400 && code < 4500);
}

/** The next connection state; the single place that decides what the badge says. */
export function nextConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.status === 'stopped') return state;
  switch (event.type) {
    case 'browser-offline':
      return {
        ...state,
        status: 'offline',
        detail: 'You are offline. Keep editing: changes are saved on this device and merged when you reconnect.',
      };
    case 'browser-online':
      return { ...state, status: state.everSynced ? 'reconnecting' : 'connecting', detail: null };
    case 'synced':
      return { status: 'connected', detail: null, everSynced: true };
    case 'status':
      if (state.status === 'offline') return state;
      if (event.status === 'connected') return state; // connected is only useful once synced
      return { ...state, status: state.everSynced ? 'reconnecting' : 'connecting' };
    case 'closed-by-server': {
      const detail = closeReason(event.code);
      if (isPermanentClose(event.code)) {
        return {
          ...state,
          status: 'stopped',
          stoppedBy: event.code,
          detail: detail ?? `The server closed the connection: ${event.reason || event.code}.`,
        };
      }
      if (state.status === 'offline') return state;
      return { ...state, status: state.everSynced ? 'reconnecting' : 'connecting', detail };
    }
  }
}

/** The badge's words for each status. */
export const connectionLabels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — edits kept',
  stopped: 'Not syncing',
};
