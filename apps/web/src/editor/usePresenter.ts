import { useEffect, useState } from 'react';
import { navigate } from '../app/router';
import type { SectionId } from '../app/routes';
import { currentPresenter, type Peer } from './presence';
import { usePeers, useSession } from './useCollaboration';

export interface PresenterControls {
  /** Someone else presenting, if anyone. */
  presenter: Peer | null;
  presenting: boolean;
  setPresenting: (on: boolean) => void;
  following: boolean;
  setFollowing: (on: boolean) => void;
}

/**
 * Presenting and following through awareness. A presenter's section is already in their presence;
 * whoever chose to follow is taken to it as it changes (replacing history, so Back leaves the
 * workshop instead of replaying the presenter's path).
 */
export function usePresenter(playbookId: string, section: SectionId, mode: 'editor' | 'workshop'): PresenterControls {
  const session = useSession();
  const peers = usePeers();
  const [presenting, setPresentingState] = useState(false);
  const [following, setFollowing] = useState(false);
  const presenter = currentPresenter(peers);

  function setPresenting(on: boolean) {
    setPresentingState(on);
    session.setPresence({ presenting: on });
    if (on) setFollowing(false);
  }

  useEffect(() => () => session.setPresence({ presenting: false }), [session]);

  const target = following && !presenting ? presenter?.section : undefined;
  useEffect(() => {
    if (target && target !== section) navigate({ name: mode, playbookId, section: target }, { replace: true });
  }, [target, section, playbookId, mode]);

  return { presenter, presenting, setPresenting, following, setFollowing };
}
