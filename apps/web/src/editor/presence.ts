import { isSectionId, type SectionId } from '../app/routes';

/** Which screen someone has open. */
export type PresenceMode = 'editor' | 'workshop' | 'reader';

/**
 * What each client publishes through awareness. `user` is the field Tiptap's collaboration caret
 * reads for the caret label, so the same name and colour mark carets and avatars.
 */
export interface LocalPresence {
  user: { name: string; color: string };
  section: SectionId | null;
  mode: PresenceMode;
  /** Set while this person presents in workshop mode; others may follow their section. */
  presenting: boolean;
  /** The last version this person restored, so every open editor can say so and start its undo afresh. */
  restored?: RestoreMark;
}

/** A restore someone made: which version, and when by their clock (it only needs to differ from their previous one). */
export interface RestoreMark {
  number: number;
  label: string;
  at: number;
}

/** Someone else in the playbook, as the avatar bar shows them. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  section: SectionId | null;
  mode: PresenceMode;
  presenting: boolean;
  restored: RestoreMark | null;
}

function restoreMark(value: unknown): RestoreMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { number, label, at } = value as Record<string, unknown>;
  return Number.isInteger(number) && typeof label === 'string' && typeof at === 'number'
    ? { number: number as number, label: label.slice(0, 120), at }
    : null;
}

/**
 * The other people present, one entry per client, sorted by name. Awareness states come from
 * other browsers and may be partial or from another version: anything unusable is skipped.
 */
export function peersFrom(states: ReadonlyMap<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId || typeof raw !== 'object' || raw === null) continue;
    const state = raw as Record<string, unknown>;
    const user = state.user as Record<string, unknown> | undefined;
    if (typeof user?.name !== 'string' || user.name.trim() === '') continue;
    peers.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#4b5563',
      section: typeof state.section === 'string' && isSectionId(state.section) ? state.section : null,
      mode: state.mode === 'workshop' || state.mode === 'reader' ? state.mode : 'editor',
      presenting: state.presenting === true,
      restored: restoreMark(state.restored),
    });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** The presenter to follow: the lowest client id wins when two people present at once, so everyone picks the same one. */
export function currentPresenter(peers: readonly Peer[]): Peer | null {
  return peers.filter((p) => p.presenting).sort((a, b) => a.clientId - b.clientId)[0] ?? null;
}

/**
 * Restores peers made since this client last looked, noting every peer's mark in `seen`. A
 * peer's mark seen for the first time is old news (made before we met), so it is only noted.
 */
export function newRestores(peers: readonly Peer[], seen: Map<number, number>): (RestoreMark & { name: string })[] {
  const fresh: (RestoreMark & { name: string })[] = [];
  for (const peer of peers) {
    const at = peer.restored?.at ?? 0;
    const known = seen.get(peer.clientId);
    seen.set(peer.clientId, at);
    if (known !== undefined && at !== known && peer.restored) fresh.push({ ...peer.restored, name: peer.name });
  }
  return fresh;
}
