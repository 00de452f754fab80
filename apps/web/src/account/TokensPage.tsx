import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { createToken, listTokens, revokeToken, type TokenScope } from '../api/account';
import { keys } from '../api/keys';
import { AccountNav } from './AccountNav';
import styles from './account.module.css';
import { useAccount } from './accountStore';

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'read', label: 'read: published versions' },
  { value: 'read:live', label: 'read:live: the live playbook and every version' },
  { value: 'write', label: 'write: edit and save versions' },
  { value: 'publish', label: 'publish: publish and restore' },
  { value: 'webhooks', label: 'webhooks: manage webhooks' },
  { value: 'backup', label: 'backup: download a backup of the database (owners)' },
];

/** API tokens for other tools: made here, shown once, revoked here. */
export function TokensPage() {
  const account = useAccount();
  const admin = account.status === 'signed-in' && (account.person.role === 'owner' || account.person.role === 'admin');
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: keys.tokens, queryFn: listTokens });
  const tokens = list.data ?? [];
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [integration, setIntegration] = useState(false);
  const [created, setCreated] = useState<string | undefined>();
  const [actionError, setError] = useState<string | undefined>();
  const error = actionError ?? list.error?.message;
  const id = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.tokens });
  useEffect(() => {
    document.title = 'API tokens · Fullcourt';
  }, []);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const token = await createToken({ name, scopes, kind: integration ? 'integration' : 'personal' });
      setCreated(token.token);
      setName('');
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <main className={`page ${styles.tokens}`}>
      <AccountNav />
      <h1>API tokens</h1>
      <p>
        Tools such as your CRM read and change playbooks with a token, sent as <code>Authorization: Bearer fc_…</code>.
      </p>
      <form onSubmit={onCreate} aria-label="Create a token">
        <div className="field">
          <label htmlFor={id}>Name it after the tool</label>
          <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder="HubSpot sync" required />
        </div>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value}>
              <input
                type="checkbox"
                checked={scopes.includes(s.value)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s.value] : scopes.filter((x) => x !== s.value))}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
        {admin && (
          <label>
            <input type="checkbox" checked={integration} onChange={(e) => setIntegration(e.target.checked)} />
            Integration token (workspace-wide, not tied to your own access)
          </label>
        )}
        <button type="submit" disabled={scopes.length === 0}>
          Create token
        </button>
      </form>
      {created && (
        <div role="status" className="notice">
          <p>Copy this token now; it will not be shown again:</p>
          <input aria-label="New token" readOnly value={created} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className={styles.tokenList} aria-label="Tokens">
        {tokens.map((t) => (
          <li key={t.id} aria-label={`Token ${t.name}`}>
            <strong>{t.name}</strong> <code>{t.prefix}…</code> · {t.kind} · {t.scopes.join(', ')} ·{' '}
            {t.lastUsedAt ? `last used ${new Date(t.lastUsedAt).toLocaleString()}` : 'never used'}
            <button type="button" className="danger" onClick={() => revokeToken(t.id).then(refresh, (e: Error) => setError(e.message))}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
