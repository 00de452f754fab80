import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { deletePlaybook, listPeople, listTeams } from '../api/account';
import { keys } from '../api/keys';
import { type DefaultAccess, type Grant, getSharing, type PlaybookRole, setSharing } from '../api/sharing';
import { navigate } from '../app/router';
import { ownCancel, useModalDialog } from '../app/useModalDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import styles from './share.module.css';

const ROLE_LABELS: Record<PlaybookRole, string> = { viewer: 'Can view', editor: 'Can edit', manager: 'Manages' };
const DEFAULT_LABELS: Record<DefaultAccess, string> = {
  edit: 'Everyone in the workspace can edit',
  view: 'Everyone in the workspace can view',
  none: 'Only the people and teams below',
};

/** Who may read, edit and manage this playbook: default access, grants to people and teams, and a link to copy. */
export function ShareDialog({ playbookId, onClose }: { playbookId: string; onClose: () => void }) {
  const ref = useModalDialog();
  const headingId = useId();
  const queryClient = useQueryClient();
  const sharingQuery = useQuery({ queryKey: keys.sharing(playbookId), queryFn: () => getSharing(playbookId) });
  const peopleQuery = useQuery({ queryKey: keys.people, queryFn: listPeople });
  const teamsQuery = useQuery({ queryKey: keys.teams, queryFn: listTeams });
  // Until all three are read the dialog says Loading, as before: names come from the people and teams.
  const sharing = peopleQuery.data && teamsQuery.data ? sharingQuery.data : undefined;
  const people = (peopleQuery.data ?? []).filter((x) => !x.deactivated);
  const teams = teamsQuery.data ?? [];
  const [adding, setAdding] = useState('');
  const [actionError, setError] = useState<string | undefined>();
  const error = actionError ?? (sharingQuery.error ?? peopleQuery.error ?? teamsQuery.error)?.message;
  const [copied, setCopied] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);

  // The answer is the new sharing: it replaces the cached one, which the history panel reads too.
  const save = (defaultAccess: DefaultAccess, grants: Grant[]) => {
    setError(undefined);
    setSharing(playbookId, { defaultAccess, grants }).then(
      (next) => queryClient.setQueryData(keys.sharing(playbookId), next),
      (e: Error) => setError(e.message),
    );
  };
  const nameOf = (g: Grant) =>
    g.name ??
    (g.subjectKind === 'user' ? people.find((p) => p.id === g.subjectId)?.name : teams.find((t) => t.id === g.subjectId)?.name) ??
    g.subjectId;
  const canShare = sharing?.youCan.share ?? false;
  const candidates = [
    ...teams.map((t) => ({ key: `team:${t.id}`, label: `${t.name} (team)` })),
    ...people.map((p) => ({ key: `user:${p.id}`, label: `${p.name} (${p.email})` })),
  ].filter((c) => !sharing?.grants.some((g) => `${g.subjectKind}:${g.subjectId}` === c.key));

  return (
    <dialog ref={ref} className={styles.shareDialog} aria-labelledby={headingId} onCancel={ownCancel(onClose)}>
      <h2 id={headingId}>Share this playbook</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!sharing ? (
        <p>Loading…</p>
      ) : (
        <>
          <label htmlFor={`${headingId}-default`}>General access</label>
          <select
            id={`${headingId}-default`}
            value={sharing.defaultAccess}
            disabled={!canShare}
            onChange={(e) => save(e.target.value as DefaultAccess, sharing.grants)}
          >
            {(Object.keys(DEFAULT_LABELS) as DefaultAccess[]).map((d) => (
              <option key={d} value={d}>
                {DEFAULT_LABELS[d]}
              </option>
            ))}
          </select>
          <ul className={styles.grants} aria-label="People and teams with access">
            {sharing.grants.map((g) => (
              <li key={`${g.subjectKind}:${g.subjectId}`}>
                <span>{nameOf(g)}</span>
                <select
                  aria-label={`Access of ${nameOf(g)}`}
                  value={g.role}
                  disabled={!canShare}
                  onChange={(e) =>
                    save(
                      sharing.defaultAccess,
                      sharing.grants.map((x) => (x === g ? { ...g, role: e.target.value as PlaybookRole } : x)),
                    )
                  }
                >
                  {(Object.keys(ROLE_LABELS) as PlaybookRole[]).map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
                {canShare && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      save(
                        sharing.defaultAccess,
                        sharing.grants.filter((x) => x !== g),
                      )
                    }
                  >
                    Remove {nameOf(g)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {canShare && (
            <form
              aria-label="Add people or a team"
              onSubmit={(e) => {
                e.preventDefault();
                const [kind, id] = adding.split(':') as ['user' | 'team', string];
                if (!id) return;
                save(sharing.defaultAccess, [...sharing.grants, { subjectKind: kind, subjectId: id, role: 'editor' }]);
                setAdding('');
              }}
            >
              <label htmlFor={`${headingId}-add`}>Add a person or a team</label>
              <select id={`${headingId}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">Choose…</option>
                {candidates.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={!adding}>
                Add
              </button>
            </form>
          )}
        </>
      )}
      <div className="actions">
        {canShare && (
          <button type="button" className="secondary danger" onClick={() => setConfirmingDelete(true)}>
            Delete playbook
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(`${window.location.origin}/playbooks/${encodeURIComponent(playbookId)}`);
            setCopied(true);
          }}
        >
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        <button type="button" onClick={onClose} data-focus-return>
          Done
        </button>
      </div>
      {confirmingDelete && (
        // Managers may delete; it goes to the trash, where admins can restore it for 30 days.
        <ConfirmDialog
          title="Delete this playbook?"
          confirmLabel="Delete playbook"
          busy={deleting}
          ready
          error={error ?? null}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setDeleting(true);
            deletePlaybook(playbookId).then(
              () => {
                void queryClient.invalidateQueries({ queryKey: keys.playbooks });
                void queryClient.invalidateQueries({ queryKey: keys.trash });
                navigate({ name: 'home' });
              },
              (e: Error) => {
                setDeleting(false);
                setError(e.message);
              },
            );
          }}
        >
          <p>Owners and admins can restore it from the trash for 30 days.</p>
        </ConfirmDialog>
      )}
    </dialog>
  );
}
