import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { AccountNav } from '../account/AccountNav';
import { useAccount } from '../account/accountStore';
import { createTeam, invite, listPeople, listTeams, listTrash, restoreFromTrash, updatePerson, type WorkspaceRole } from '../api/account';
import { keys } from '../api/keys';
import styles from './people.module.css';

const ROLES: WorkspaceRole[] = ['owner', 'admin', 'member', 'viewer'];

/** People and teams (owners and admins): invite, change roles and teams, deactivate, add teams. */
export function PeoplePage() {
  const account = useAccount();
  const me = account.status === 'signed-in' ? account.person : null;
  const queryClient = useQueryClient();
  const peopleQuery = useQuery({ queryKey: keys.people, queryFn: listPeople });
  const teamsQuery = useQuery({ queryKey: keys.teams, queryFn: listTeams });
  const trashQuery = useQuery({ queryKey: keys.trash, queryFn: listTrash });
  const people = peopleQuery.data ?? [];
  const teams = teamsQuery.data ?? [];
  const trash = trashQuery.data ?? [];
  const [actionError, setError] = useState<string | undefined>();
  const error = actionError ?? (peopleQuery.error ?? teamsQuery.error ?? trashQuery.error)?.message;
  const [inviteLink, setInviteLink] = useState<string | undefined>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Exclude<WorkspaceRole, 'owner'>>('member');
  const [inviteTeams, setInviteTeams] = useState<string[]>([]);
  const [teamName, setTeamName] = useState('');
  const id = useId();

  useEffect(() => {
    document.title = 'People · Fullcourt';
  }, []);

  // Any change here can move people between teams, roles or the trash: everything on the page is asked again.
  const refresh = () =>
    Promise.all([keys.people, keys.teams, keys.trash, keys.playbooks].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const attempt = (work: () => Promise<unknown>) => {
    setError(undefined);
    work().then(refresh, (e: Error) => setError(e.message));
  };

  function onInvite(event: FormEvent) {
    event.preventDefault();
    attempt(async () => {
      const created = await invite({ email, role, teams: inviteTeams });
      setInviteLink(created.url);
      setEmail('');
    });
  }

  return (
    <main className={`page ${styles.people}`}>
      <AccountNav />
      <h1>People and teams</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form onSubmit={onInvite} aria-label="Invite someone">
        <h2>Invite someone</h2>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="member">Member</option>
            <option value="viewer">Viewer</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <fieldset>
          <legend>Teams</legend>
          {teams.map((t) => (
            <label key={t.id}>
              <input
                type="checkbox"
                checked={inviteTeams.includes(t.id)}
                onChange={(e) => setInviteTeams(e.target.checked ? [...inviteTeams, t.id] : inviteTeams.filter((x) => x !== t.id))}
              />
              {t.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">Create invitation link</button>
      </form>
      {inviteLink && (
        <div role="status" className="notice">
          <p>Send this link to them; it works once and expires in 7 days:</p>
          <input aria-label="Invitation link" readOnly value={inviteLink} onFocus={(e) => e.target.select()} />
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(inviteLink)}>
            Copy link
          </button>
        </div>
      )}

      <h2>People</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Teams</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.email}</td>
              <td>
                <select
                  aria-label={`Role of ${p.name}`}
                  value={p.role}
                  disabled={p.id === me?.id}
                  onChange={(e) => attempt(() => updatePerson(p.id, { role: e.target.value as WorkspaceRole }))}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {teams.map((t) => (
                  <label key={t.id} className={styles.inlineCheck}>
                    <input
                      type="checkbox"
                      aria-label={`${p.name} in ${t.name}`}
                      checked={p.teamIds.includes(t.id)}
                      onChange={(e) =>
                        attempt(() =>
                          updatePerson(p.id, { teams: e.target.checked ? [...p.teamIds, t.id] : p.teamIds.filter((x) => x !== t.id) }),
                        )
                      }
                    />
                    {t.name}
                  </label>
                ))}
              </td>
              <td>
                {p.id !== me?.id && (
                  <button
                    type="button"
                    className={p.deactivated ? 'secondary' : 'danger'}
                    onClick={() => attempt(() => updatePerson(p.id, { deactivated: !p.deactivated }))}
                  >
                    {p.deactivated ? `Reactivate ${p.name}` : `Deactivate ${p.name}`}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Trash</h2>
      {trash.length === 0 ? (
        <p>No deleted playbooks. Deleted playbooks stay here for 30 days.</p>
      ) : (
        <ul aria-label="Deleted playbooks">
          {trash.map((p) => (
            <li key={p.id}>
              {p.title}, deleted {new Date(p.deletedAt).toLocaleDateString()}, purged {new Date(p.purgeAt).toLocaleDateString()}{' '}
              <button type="button" className="secondary" onClick={() => attempt(() => restoreFromTrash(p.id))}>
                Restore {p.title}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h2>Teams</h2>
      <ul>
        {teams.map((t) => (
          <li key={t.id}>
            {t.name} ({t.memberIds.length} {t.memberIds.length === 1 ? 'person' : 'people'})
          </li>
        ))}
      </ul>
      <form
        aria-label="Add a team"
        onSubmit={(e) => {
          e.preventDefault();
          attempt(async () => {
            await createTeam(teamName);
            setTeamName('');
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-team`}>New team</label>
          <input id={`${id}-team`} value={teamName} onChange={(e) => setTeamName(e.target.value)} required />
        </div>
        <button type="submit">Add team</button>
      </form>
    </main>
  );
}
