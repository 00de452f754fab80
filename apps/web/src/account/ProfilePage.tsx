import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { changePassword, listSessions, revokeSession, signOut, signOutEverywhere, updateMe } from '../api/account';
import { keys } from '../api/keys';
import { cleanName, IDENTITY_COLORS } from '../identity/identity';
import { AccountNav } from './AccountNav';
import styles from './account.module.css';
import { notePerson, noteSignedOut, useAccount } from './accountStore';

/** Name and colour (what collaborators see), password, and the places this account is signed in. */
export function ProfilePage() {
  const account = useAccount();
  const person = account.status === 'signed-in' ? account.person : null;
  const [name, setName] = useState(person?.name ?? '');
  const [color, setColor] = useState(person?.color ?? IDENTITY_COLORS[0].value);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: listSessions }).data ?? [];
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const nameId = useId();

  const refreshSessions = () => queryClient.invalidateQueries({ queryKey: keys.sessions });
  useEffect(() => {
    document.title = 'Your profile · Fullcourt';
  }, []);

  const run = (work: () => Promise<string>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!person) return null;
  return (
    <main className={`page ${styles.profile}`}>
      <AccountNav />
      <h1>Your profile</h1>
      <p>
        {person.email} · {person.role}
      </p>
      <form
        aria-label="Name and colour"
        onSubmit={run(async () => {
          notePerson(await updateMe({ name: cleanName(name), color }));
          return 'Saved: collaborators see your new name and colour.';
        })}
      >
        <div className="field">
          <label htmlFor={nameId}>Your name</label>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required autoComplete="name" />
        </div>
        <fieldset className="colors">
          <legend>Your colour</legend>
          {IDENTITY_COLORS.map((option) => (
            <label key={option.value} className="color-option" style={{ '--swatch': option.value } as React.CSSProperties}>
              <input
                type="radio"
                name="profile-color"
                value={option.value}
                checked={color === option.value}
                onChange={() => setColor(option.value)}
              />
              <span className="swatch" aria-hidden="true" />
              {option.label}
            </label>
          ))}
        </fieldset>
        <button type="submit">Save name and colour</button>
      </form>

      <form
        aria-label="Change password"
        onSubmit={run(async () => {
          await changePassword(current, next);
          setCurrent('');
          setNext('');
          await refreshSessions();
          return 'Password changed. You were signed out everywhere else.';
        })}
      >
        <h2>Password</h2>
        <div className="field">
          <label htmlFor={`${nameId}-current`}>Current password</label>
          <input
            id={`${nameId}-current`}
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${nameId}-new`}>New password (at least 10 characters)</label>
          <input
            id={`${nameId}-new`}
            type="password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
            minLength={10}
            required
          />
        </div>
        <button type="submit">Change password</button>
      </form>

      {(message || error) && (
        <p role={error ? 'alert' : 'status'} className={error ? 'error' : 'notice'}>
          {error ?? message}
        </p>
      )}

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <ul className={styles.sessions}>
          {sessions.map((s) => (
            <li key={s.id}>
              {s.current ? 'This browser' : (s.userAgent ?? 'Another device')} · since {new Date(s.createdAt).toLocaleString()}
              {!s.current && (
                <button
                  type="button"
                  className="secondary"
                  onClick={run(async () => {
                    await revokeSession(s.id);
                    await refreshSessions();
                    return 'Signed out there.';
                  })}
                >
                  Sign out there
                </button>
              )}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="secondary"
          onClick={run(async () => {
            await signOutEverywhere();
            noteSignedOut();
            return 'Signed out everywhere.';
          })}
        >
          Sign out everywhere
        </button>
        <button
          type="button"
          onClick={run(async () => {
            await signOut();
            noteSignedOut();
            return 'Signed out.';
          })}
        >
          Sign out
        </button>
      </section>
    </main>
  );
}
