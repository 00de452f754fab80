import { useEffect, useRef, useState } from 'react';
import { newRestores } from './presence';
import { usePeers, useSession } from './useCollaboration';

const SHOWN_MS = 15_000;

/**
 * When someone else restores a version: this person's undo steps predate the restore (replaying
 * them would duplicate text), so undo starts afresh, and a notice says who restored what, since
 * the playbook just changed under their hands.
 */
export function useRestoreNotice(): string | null {
  const session = useSession();
  const peers = usePeers();
  const seen = useRef(new Map<number, number>());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const last = newRestores(peers, seen.current).at(-1);
    if (!last) return;
    session.undoManager.clear();
    setNotice(`${last.name} restored version ${last.number}, ${last.label}. Undo starts afresh from here.`);
  }, [peers, session]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return notice;
}
