/**
 * Who performs a command. Every REST request and WebSocket connection carries one, so that
 * accounts, roles (owner / editor / viewer) and API tokens can be checked without
 * reshaping the commands. Until accounts exist, everyone is an anonymous editor who may
 * say their display name (the same self-chosen name collaborators see in the editor).
 */
export interface Actor {
  id: string;
  name: string;
  kind: 'anonymous' | 'user' | 'token';
  role: 'owner' | 'editor' | 'viewer';
}

export const anonymousEditor: Actor = Object.freeze({ id: 'anonymous', name: 'Anonymous', kind: 'anonymous', role: 'editor' });

/** An anonymous editor going by a self-chosen display name (header `X-Display-Name`, URI-encoded). */
export function anonymousActor(displayName: string | undefined): Actor {
  if (!displayName) return anonymousEditor;
  let name: string;
  try {
    name = decodeURIComponent(displayName);
  } catch {
    name = displayName;
  }
  // Control characters would let a name forge lines in logs and exports.
  name = [...name]
    .filter((ch) => ch >= ' ')
    .join('')
    .trim()
    .slice(0, 80);
  return name ? { ...anonymousEditor, name } : anonymousEditor;
}
