import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { acceptInvitation, lookUpInvitation } from '../api/account';
import { keys } from '../api/keys';
import { navigate } from '../app/router';
import { AuthForm } from './AuthForm';
import styles from './account.module.css';
import { loadAccount } from './accountStore';
import { readLinkToken } from './useQueryToken';

/** An invitation link: the invited person chooses the name others will see and a password, and is signed in. */
export function AcceptInvitationPage() {
  const [token] = useState(readLinkToken);
  // A lookup, not a change (POST keeps the token out of URLs and logs): read once per token.
  const lookup = useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => lookUpInvitation(token),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const invitation = lookup.data;
  const error = lookup.error?.message;
  useEffect(() => {
    document.title = 'Join Fullcourt';
  }, []);

  if (error) {
    return (
      <main className={`page ${styles.authPage}`}>
        <h1>This invitation cannot be used</h1>
        <p role="alert" className="error">
          {error}
        </p>
      </main>
    );
  }
  if (!invitation) return <p className="page loading">Opening the invitation…</p>;
  return (
    <AuthForm
      title="Join Fullcourt"
      intro={<p>You were invited as {invitation.email}. Choose the name your colleagues will see, and a password.</p>}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username', initial: invitation.email, readOnly: true },
        { name: 'name', label: 'Your name', autoComplete: 'name' },
        { name: 'password', label: 'Password (at least 10 characters)', type: 'password', autoComplete: 'new-password', minLength: 10 },
      ]}
      submit="Join"
      onSubmit={async ({ name, password }) => {
        await acceptInvitation({ token, name: name ?? '', password: password ?? '' });
        await loadAccount();
        navigate({ name: 'home' });
      }}
    />
  );
}
