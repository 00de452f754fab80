/**
 * Who performs a command. Every REST request and WebSocket connection carries one, so that
 * accounts, roles (owner / editor / viewer) and API tokens can be checked without
 * reshaping the commands. Until accounts exist, everyone is an anonymous editor.
 */
export interface Actor {
  id: string;
  kind: 'anonymous' | 'user' | 'token';
  role: 'owner' | 'editor' | 'viewer';
}

export const anonymousEditor: Actor = Object.freeze({ id: 'anonymous', kind: 'anonymous', role: 'editor' });
