import { useMemo } from 'react';
import { notePerson, useAccount } from '../account/accountStore';
import { updateMe } from '../api/account';
import { type Identity, suggestColor } from './identity';

/**
 * The person using this browser as collaborators see them: their account's name and colour
 * (set in the profile), or null until they are signed in.
 */
export function useIdentity(): Identity | null {
  const account = useAccount();
  const person = account.status === 'signed-in' ? account.person : null;
  return useMemo(() => (person ? { name: person.name, color: person.color ?? suggestColor(person.name) } : null), [person]);
}

/** Changes the account's name and colour; every screen (and everyone's view of this person's caret) follows. */
export async function setIdentity(identity: Identity): Promise<void> {
  notePerson(await updateMe({ name: identity.name, color: identity.color }));
}
